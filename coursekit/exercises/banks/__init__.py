"""Question banks: one module ``nbNN_slug`` per exercise notebook ``exercises/NN_slug.ipynb``."""
