// Every node with its labels and properties: the "before" and "after" of all-or-nothing tests.
MATCH (n)
RETURN labels(n) AS labels, properties(n) AS props
