"""The four capabilities and grounded answers, each rules first and model second."""
