"""Reading typed answers to the assessments (confidence check, interest profiler) by meaning."""
