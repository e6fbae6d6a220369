package io.github.softmaxicl.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.Dynamics;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The --dynamics word maps to a set of kinds and back to the same word. */
class DynamicsOptionTest {
  private final DynamicsOption.Converter converter = new DynamicsOption.Converter();

  @Test
  void allIsEveryKindAndEachKindIsItself() {
    assertEquals(EnumSet.allOf(Dynamics.class), converter.convert("all").kinds());
    for (Dynamics d : Dynamics.values()) {
      assertEquals(EnumSet.of(d), converter.convert(d.id()).kinds());
    }
  }

  @Test
  void theWordComesBack() {
    for (String word : new String[] {"reduced", "full", "sgd", "all"}) {
      assertEquals(word, DynamicsOption.text(converter.convert(word).kinds()));
    }
  }

  @Test
  void onlyAnExplicitFullModelChoiceMustFitTheHeap() {
    assertTrue(converter.convert("full").requiresFullModel());
    assertTrue(converter.convert("sgd").requiresFullModel());
    assertFalse(converter.convert("reduced").requiresFullModel());
    assertFalse(converter.convert("all").requiresFullModel());
  }

  @Test
  void unknownAndUpperCaseWordsAreRefused() {
    assertThrows(CommandLine.TypeConversionException.class, () -> converter.convert("fast"));
    assertThrows(CommandLine.TypeConversionException.class, () -> converter.convert("ALL"));
  }
}
