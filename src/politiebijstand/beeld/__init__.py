"""The operational picture (operationeel beeld) of pending and active requests (issue #11)."""
