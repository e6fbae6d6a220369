package io.github.softmaxicl.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.Preset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The experiments' declared claims against the registry: {@code --claim ID} can only run what an experiment
 * declares, so every registered claim must be declared by exactly one experiment, and nothing else.
 */
class ExperimentRegistryTest {
  /** Registered claims that no experiment declares on purpose (none today); document any id added here. */
  private static final Set<String> UNDECLARED = Set.of();

  @Test
  void everyDeclaredClaimIsRegistered() {
    for (Experiment e : ReproductionJob.experiments()) {
      assertFalse(e.claims().isEmpty(), e.getClass().getSimpleName() + " declares no claim");
      for (Claim c : e.claims()) {
        assertTrue(Claims.byId(c.id()).isPresent(), e.getClass().getSimpleName() + " declares " + c.id()
            + ", which is not in Claims.all()");
        assertEquals(Claims.byId(c.id()).get(), c, "declared claim differs from the registered one: " + c.id());
      }
    }
  }

  @Test
  void everyRegisteredClaimIsDeclaredByExactlyOneExperiment() {
    Map<String, List<String>> declaredBy = new HashMap<>();
    for (Experiment e : ReproductionJob.experiments()) {
      for (Claim c : e.claims()) {
        declaredBy.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(e.getClass().getSimpleName());
      }
    }
    for (Claim c : Claims.all()) {
      List<String> by = declaredBy.getOrDefault(c.id(), List.of());
      if (UNDECLARED.contains(c.id())) {
        assertTrue(by.isEmpty(), c.id() + " is listed as undeclared but is declared by " + by);
      } else {
        assertEquals(1, by.size(), c.id() + " must be declared by exactly one experiment, is by " + by);
      }
    }
  }

  @Test
  void perRunClaimsAreThoseOfTheConfigurationsNotOfTheSweeps() {
    Set<String> perRun = ReproductionJob.perRunClaimIds();
    assertTrue(perRun.containsAll(List.of("P1-convergence", "P1-certificate", "P2-phases", "P2-proof", "P3-proof", "P3-allocation",
        "P7-saturation", "P6-technique", "P6-sgd")), perRun.toString());
    for (String sweep : List.of("P3-allocation-property", "P4-optimality", "P5-separation", "P6-ladder",
        "P6-criterion", "P6-saddle", "P6-model-error", "P7-length-generalisation")) {
      assertFalse(perRun.contains(sweep), sweep);
    }
  }

  @Test
  void dynamicsFollowFromTheClaims() {
    assertEquals(EnumSet.of(Dynamics.REDUCED), ReproductionJob.dynamicsFor(Set.of("P2-phases", "P4-optimality")));
    assertEquals(EnumSet.of(Dynamics.FULL), ReproductionJob.dynamicsFor(Set.of("P6-saddle", "P6-technique")));
    assertEquals(EnumSet.of(Dynamics.REDUCED, Dynamics.SGD), ReproductionJob.dynamicsFor(Set.of("P6-sgd",
        "P1-convergence")));
  }
}
