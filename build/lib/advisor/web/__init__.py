"""The Gradio web app: layout, events, handlers, guards and charts."""
