"""Hand-annotated gold set of visit articles and the accuracy evaluator for the extractor."""
