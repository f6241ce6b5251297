"""Interests behind positions: gaps, questions and the power/interest grid."""
