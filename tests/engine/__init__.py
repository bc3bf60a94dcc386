"""Engine tests: scoring modes, rescaling, tasks, bonus, tiers, alerts, properties."""
