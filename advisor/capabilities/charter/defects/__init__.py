"""The defect detectors of a charter review, one module per family of the labelling guide's kinds."""
