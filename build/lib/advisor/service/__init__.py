"""The runtime and the facade every front end calls: chat routing and capabilities."""
