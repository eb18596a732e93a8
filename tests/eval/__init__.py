"""Quality evaluation: the service measured on the reference sets, next to baselines.

`make eval` (tests/eval/run.py) prints the tables; tests/eval/test_regression.py keeps the
figures from falling below what is reached now.
"""
