/**
 * Monte Carlo Tree Search (UCT) under a fixed compute budget, the engine of both calibrations: over training
 * actions (Uni4D) and over HAF's attention policy (3DAlign-DAER).
 */
package org.align3d.trainer.mcts;
