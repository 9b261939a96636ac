/** The actors of the territory, engaged or to be involved, by category. */
import { NBSP, formatNumber, lowerFirst, plural } from "../../french/index.js";
import type { Acteur, EffectifParProfession, Project } from "../../project/index.js";
import { ACTOR_CATEGORIES } from "../categories.js";
import { professionLabel } from "../professions.js";
import { text } from "./common.js";

export interface ActorGroupView {
  code: string;
  libelle: string;
  description: string;
  liberaux: boolean;
  /** For `liberaux`: one line per profession. */
  professionnels: {
    profession: string;
    libelle: string;
    effectif: number;
    /** « 31 médecins généralistes ». */
    texte: string;
    precision: string | undefined;
    /** Number practising on the territory (diagnostic.effectifs), when known. */
    effectif_territoire: number | undefined;
  }[];
  acteurs: { nom: string; type: string | undefined; commune: string | undefined; commentaire: string | undefined; texte: string }[];
}

export interface ActorsView {
  categories: ActorGroupView[];
  /** The liberal professionals’ group, when there is one. */
  liberaux: ActorGroupView | undefined;
  /** Every other category. */
  autres: ActorGroupView[];
  nombre_professionnels: number;
  /** « 176 professionnels de santé libéraux ». */
  professionnels_texte: string | undefined;
  renseigne: boolean;
}

export interface ActorsSectionView {
  engages: ActorsView;
  a_associer: ActorsView;
}

export function actorView(a: Acteur): ActorGroupView["acteurs"][number] {
  const details = [text(a.type), text(a.commune)].filter(Boolean).join(", ");
  return {
    nom: a.nom,
    type: text(a.type),
    commune: text(a.commune),
    commentaire: text(a.commentaire),
    texte: details ? `${a.nom} (${details})` : a.nom,
  };
}

function professionalsText(list: readonly { nombre: number; profession: string }[]): string[] {
  return list.map((e) => `${formatNumber(e.nombre)}${NBSP}${lowerFirst(professionLabel(e.profession, e.nombre))}`);
}

function actorsView(group: Record<string, unknown> | undefined, effectifs: readonly EffectifParProfession[]): ActorsView {
  const categories: ActorGroupView[] = [];
  let total = 0;
  for (const cat of ACTOR_CATEGORIES) {
    const list = (group?.[cat.code] as unknown[] | undefined) ?? [];
    if (list.length === 0) continue;
    if (cat.code === "liberaux") {
      const pros = (list as EffectifParProfession[]).map((e) => {
        total += e.nombre;
        return {
          profession: e.profession,
          libelle: professionLabel(e.profession, e.nombre),
          effectif: e.nombre,
          texte: professionalsText([e])[0]!,
          precision: text(e.precision),
          effectif_territoire: effectifs.find((x) => x.profession === e.profession)?.nombre,
        };
      });
      categories.push({ code: cat.code, libelle: cat.libelle, description: cat.description, liberaux: true, professionnels: pros, acteurs: [] });
    } else {
      categories.push({
        code: cat.code,
        libelle: cat.libelle,
        description: cat.description,
        liberaux: false,
        professionnels: [],
        acteurs: (list as Acteur[]).map(actorView),
      });
    }
  }
  return {
    categories,
    liberaux: categories.find((c) => c.liberaux),
    autres: categories.filter((c) => !c.liberaux),
    nombre_professionnels: total,
    professionnels_texte: total > 0 ? `${plural(total, "professionnel de santé libéral", "professionnels de santé libéraux")}` : undefined,
    renseigne: categories.length > 0,
  };
}

/** The actors engaged in the project and those to involve, with the numbers practising on the territory. */
export function actorsSection(project: Project): ActorsSectionView {
  const effectifs = project.diagnostic?.effectifs ?? [];
  return {
    engages: actorsView(project.acteurs?.engages as Record<string, unknown> | undefined, effectifs),
    a_associer: actorsView(project.acteurs?.a_associer as Record<string, unknown> | undefined, effectifs),
  };
}
