"""Pure rules of scoring: formulas, ranking and tie-breaks, peer normalisation, votes,
progress status and roll-up, the criteria simulator, the score-sheet workflow."""
