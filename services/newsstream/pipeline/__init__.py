"""Transport-neutral processing: consumed records in, emissions out, failures as dead letters."""
