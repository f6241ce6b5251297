"""Models and prompts: chat-model factory, embeddings, prompt files, structured output."""
