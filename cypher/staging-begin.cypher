// Marks a storage key as being written by a staged import or load (its heartbeat is `at`).
CREATE (:Staging {key: $key, dataset: $dataset, at: $at})
