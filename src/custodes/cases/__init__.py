"""Cases: the demands, their workflow, the engine's reviews and the people's decisions."""
