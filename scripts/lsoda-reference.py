#!/usr/bin/env python3
"""LSODA yardstick for the reduced flow (issue 16, goal 2): evaluations and accuracy per preset.

The reduced flow of MODEL.md §4-5 (leading-order loss, balanced branch, integrated in y = (log|w|, log|mu|)),
written here from MODEL.md alone (independently of the Java code), integrated from the paper init (§5) to each
preset's default t_end with scipy's LSODA at a ladder of tolerances and with a tight reference (DOP853 at
rtol = atol = 1e-13, then Radau at the same tolerance as a second opinion on F and mu).

What is counted, per LSODA run:
  nfev      scipy's count = ODEPACK's NFE: every call of the field, *including* the finite-difference Jacobian
            columns (LSODA builds its Jacobian by differences when none is given; checked against a counter in
            the field itself: `calls`).
  njev      Jacobians formed (each costs `dim` field calls, already inside nfev).
  calls     calls of the field counted by the wrapper (must equal nfev).
  ev_F      evaluations of F made by scipy's event location on LSODA's interpolant (not in nfev; the Java run
            counts its event evaluations in its total, so both are printed).
Accuracy against the reference: |dF|/F at t_end, max relative difference of the mu that have not decayed below
1e-6 (|log mu| < 14), max |d log mu| over all mu, and relative differences of the global phase-marker times
(t_w, t_e, half-signal times; MODEL.md §7).

Usage: python3 scripts/lsoda-reference.py [preset ...]     (default: all four presets)
Time: dominated by the tight DOP853 reference (2.6e6 field calls for extra-head, which runs to 3e5): minutes for
paper, small and small-noisy each, ~20 min for extra-head on a loaded 2-core machine.
Measured 7 Dec 2026 (scipy 1.17): LSODA matches the Java run's accuracy on everything it reports (marker times
to ~2e-11 relative, off-task ln mu to ~1e-8) only at rtol = atol = 1e-13: nfev paper 7032, small 3875,
extra-head 4966, small-noisy 3860; on F(t_end) and the live mu alone already at 1e-10 (2522, 1727, 2546, 1636).
Optional: a benchmark yardstick, not part of `mvn verify`. Needs numpy and scipy.
"""
import math
import sys

import numpy as np
from scipy.integrate import solve_ivp

# MODEL.md §8, plus `small-noisy` (theory Preset: small with sigma = 1). (d, n, H, L, sigma, s2, t_end)
PRESETS = {
    "paper": (50, 3, 3, 100, 0.0, 1.0, 3.0e4),
    "small": (8, 2, 2, 40, 0.0, 1.0, 3.0e4),
    "extra-head": (24, 3, 4, 200, 0.0, 1.0, 3.0e5),
    "small-noisy": (8, 2, 2, 40, 1.0, 1.0, 3.0e4),
}


class Flow:
    """The log-coordinate field of MODEL.md §4-5 for one configuration, with a call counter."""

    def __init__(self, d, n, H, L, sigma, s2):
        self.n, self.H, self.L, self.s2 = n, H, L, s2
        self.blocks = np.array([(i + 1) * d // n - i * d // n for i in range(n)], dtype=float)  # §1 default split
        self.c = s2 * self.blocks + sigma ** 2  # c_i = s^2 d_i + sigma^2
        self.D = d + n
        self.calls = 0
        # Paper init (§5): omega = L^-3/2/sqrt(D); mu = L^-3/2, mu_h^h = 4 L^-3/2 for h < n.  All positive.
        w0 = np.full((H, n), L ** -1.5 / math.sqrt(self.D))
        m0 = np.full((H, n), L ** -1.5)
        for h in range(min(H, n)):
            m0[h, h] = 4 * L ** -1.5
        self.y0 = np.concatenate([np.log(w0).ravel(), np.log(m0).ravel()])
        # Limit (§6): omega* = 1/sqrt(d_i), mu* = sqrt(d_i)/(1 + e kappa_i d_i), kappa_i = c_i/(s2 d_i L).
        kappa = self.c / (s2 * self.blocks * L)
        self.signal_star = (1 / np.sqrt(self.blocks)) * np.sqrt(self.blocks) / (1 + math.e * kappa * self.blocks)
        self.f_star = np.mean(s2 * self.blocks * math.e * kappa * self.blocks / (1 + math.e * kappa * self.blocks))

    def split(self, y):
        hn = self.H * self.n
        return np.exp(y[:hn]).reshape(self.H, self.n), np.exp(y[hn:]).reshape(self.H, self.n)

    def loss(self, y):
        w, m = self.split(y)
        E = np.exp((w * self.blocks) @ w.T)  # E_hg = exp(sum_j d_j w_j^h w_j^g)
        R = 1 - np.sum(m * w, axis=0)  # R_i
        var = np.einsum("hi,hg,gi->i", m, E, m)
        return np.mean(self.s2 * self.blocks * R ** 2 + self.c / self.L * var)

    def __call__(self, t, y):
        self.calls += 1
        w, m = self.split(y)
        n, L = self.n, self.L
        E = np.exp((w * self.blocks) @ w.T)
        R = 1 - np.sum(m * w, axis=0)
        Em = E @ m  # (E mu_i)_h
        dF_dm = (-2 * self.s2 * self.blocks * w * R + 2 * self.c / L * Em) / n
        A = ((m * (self.c / L)) @ m.T) * E  # A_hg = E_hg sum_i (c_i/L) mu_i^h mu_i^g
        dF_dw = (-2 * self.s2 * self.blocks * m * R + 2 * self.blocks * (A @ w)) / n
        # d log|w|/dt = (1/w) dw/dt = -(2/(sqrt(D) d_j)) dF/dw  (w > 0 here); d log|mu|/dt = -2 dF/dmu.
        dlw = -2 / (math.sqrt(self.D) * self.blocks) * dF_dw
        dlm = -2 * dF_dm
        return np.concatenate([dlw.ravel(), dlm.ravel()])

    def events(self, counter):
        """Global markers of §7 as scipy event functions (terminal=False, increasing crossing)."""
        f0 = self.loss(self.y0)
        out = []

        def warm(t, y):
            counter[0] += 1
            return 0.99 * f0 - self.loss(y)

        def emerge(t, y):
            counter[0] += 1
            return self.f_star + 0.01 * (f0 - self.f_star) - self.loss(y)

        out += [warm, emerge]
        for i in range(self.n):
            def half(t, y, i=i):
                w, m = self.split(y)
                return np.max(m[:, i] * w[:, i]) - 0.5 * self.signal_star[i]
            out.append(half)
        for e in out:
            e.direction = 1
        return out


def run(flow, method, rtol, atol, t_end):
    flow.calls = 0
    counter = [0]
    sol = solve_ivp(flow, (0.0, t_end), flow.y0, method=method, rtol=rtol, atol=atol, events=flow.events(counter))
    assert sol.success, sol.message
    first = [ev[0] if len(ev) else math.nan for ev in sol.t_events]
    return sol, first, counter[0]


def rel(a, b):
    return abs(a - b) / max(abs(a), abs(b)) if a != b else 0.0


def main(names):
    for name in names:
        d, n, H, L, sigma, s2, t_end = PRESETS[name]
        flow = Flow(d, n, H, L, sigma, s2)
        ref, ref_ev, _ = run(flow, "DOP853", 1e-13, 1e-13, t_end)
        ref_calls = flow.calls
        y_ref = ref.y[:, -1]
        f_ref = flow.loss(y_ref)
        rad, _, _ = run(flow, "Radau", 1e-13, 1e-13, t_end)
        print(f"== {name}: t_end {t_end:g}, dim {len(flow.y0)}; reference DOP853 rtol=atol=1e-13 ({ref_calls} calls):"
              f" F(t_end) = {f_ref:.17g}, F* = {flow.f_star:.17g}")
        print(f"   markers (t_w, t_e, half-signal...): {' '.join(f'{v:.17g}' for v in ref_ev)}")
        print(f"   log|mu| at t_end (head-major): {' '.join(f'{v:.17g}' for v in y_ref[len(y_ref)//2:])}")
        print(f"   Radau rtol=atol=1e-13 vs reference: dF/F {rel(flow.loss(rad.y[:, -1]), f_ref):.1e},"
              f" max |dlog mu| {np.max(np.abs(rad.y[:, -1] - y_ref)[len(y_ref)//2:]):.1e}")
        print("   LSODA rtol=atol   nfev  njev  calls  ev_F   dF/F     dmu/mu(live) max|dlogmu|  dmarker/t")
        hn = len(y_ref) // 2
        live = np.abs(y_ref[hn:]) < 14  # mu not decayed below ~1e-6
        for tol in (1e-9, 1e-10, 1e-11, 1e-12, 1e-13):
            sol, ev, ev_calls = run(flow, "LSODA", tol, tol, t_end)
            y = sol.y[:, -1]
            assert flow.calls == sol.nfev, (flow.calls, sol.nfev)
            dmu = np.max(np.abs(np.expm1(y[hn:][live] - y_ref[hn:][live])))
            dlog = np.max(np.abs(y[hn:] - y_ref[hn:]))
            dmark = max(rel(a, b) for a, b in zip(ev, ref_ev))
            print(f"   {tol:9.0e}  {sol.nfev:6d} {sol.njev:5d} {flow.calls:6d} {ev_calls:5d}   "
                  f"{rel(flow.loss(y), f_ref):.1e}   {dmu:.1e}     {dlog:.1e}     {dmark:.1e}")


if __name__ == "__main__":
    main(sys.argv[1:] or list(PRESETS))
