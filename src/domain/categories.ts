import data from "./data/categories-acteurs.json" with { type: "json" };

export interface ActorCategory {
  code: string;
  libelle: string;
  description: string;
  source: string;
  valid_from: string;
}

export const ACTOR_CATEGORIES: readonly ActorCategory[] = data.categories;
const BY_CODE = new Map(ACTOR_CATEGORIES.map((c) => [c.code, c]));

export function actorCategory(code: string): ActorCategory | undefined {
  return BY_CODE.get(code);
}
