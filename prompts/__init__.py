"""The prompt files, installed as the package `advisor.data.prompts`."""
