"""Rules stage: YAML rule packs (schema, loader), the checks they name (registry), the engine."""
