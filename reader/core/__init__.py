"""Qt-free core: formats, extraction, entities, stores, anchoring and export."""
