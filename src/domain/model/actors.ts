/** The actors of the territory, engaged or to be involved, by category. */
import { NBSP, formatNumber, joinFr, lowerFirst, plural } from "../../french/index.js";
import type { Acteur, EffectifParProfession, Project } from "../../project/index.js";
import { ACTOR_CATEGORIES } from "../categories.js";
import { isHealthProfession, professionLabel } from "../professions.js";
import { text } from "./common.js";

export interface ActorGroupView {
  code: string;
  libelle: string;
  description: string;
  liberaux: boolean;
  /** For `liberaux`: one line per profession de santé of the code de la santé publique. */
  professionnels: ProfessionalLine[];
  /** For `liberaux`: the other professions (psychologues, ostéopathes…), never counted as professionnels de santé. */
  autres_professionnels: ProfessionalLine[];
  /** « Autres professionnels libéraux », their label beside the category’s. */
  autres_libelle: string;
  acteurs: { nom: string; type: string | undefined; commune: string | undefined; commentaire: string | undefined; texte: string }[];
}

export interface ProfessionalLine {
  profession: string;
  libelle: string;
  effectif: number;
  /** « 31 médecins généralistes ». */
  texte: string;
  precision: string | undefined;
  /** Number practising on the territory (diagnostic.effectifs), when known. */
  effectif_territoire: number | undefined;
}

export interface ActorsView {
  categories: ActorGroupView[];
  /** The liberal professionals’ group, when there is one. */
  liberaux: ActorGroupView | undefined;
  /** Every other category. */
  autres: ActorGroupView[];
  /** The professionnels de santé only (REFERENCE §7.1: psychologues are not). */
  nombre_professionnels: number;
  /** « 176 professionnels de santé libéraux ». */
  professionnels_texte: string | undefined;
  /** « 2 psychologues »: the engaged professionals of other professions. */
  autres_professionnels_texte: string | undefined;
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
  const common = { autres_professionnels: [], autres_libelle: "Autres professionnels libéraux" };
  for (const cat of ACTOR_CATEGORIES) {
    const list = (group?.[cat.code] as unknown[] | undefined) ?? [];
    if (list.length === 0) continue;
    if (cat.code === "liberaux") {
      const lines = (list as EffectifParProfession[]).map((e) => ({
        profession: e.profession,
        libelle: professionLabel(e.profession, e.nombre),
        effectif: e.nombre,
        texte: professionalsText([e])[0]!,
        precision: text(e.precision),
        effectif_territoire: effectifs.find((x) => x.profession === e.profession)?.nombre,
      }));
      categories.push({
        code: cat.code,
        libelle: cat.libelle,
        description: cat.description,
        liberaux: true,
        ...common,
        professionnels: lines.filter((l) => isHealthProfession(l.profession)),
        autres_professionnels: lines.filter((l) => !isHealthProfession(l.profession)),
        acteurs: [],
      });
    } else {
      categories.push({
        code: cat.code,
        libelle: cat.libelle,
        description: cat.description,
        liberaux: false,
        ...common,
        professionnels: [],
        acteurs: (list as Acteur[]).map(actorView),
      });
    }
  }
  const liberaux = categories.find((c) => c.liberaux);
  const total = (liberaux?.professionnels ?? []).reduce((n, l) => n + l.effectif, 0);
  const others = liberaux?.autres_professionnels ?? [];
  return {
    categories,
    liberaux,
    autres: categories.filter((c) => !c.liberaux),
    nombre_professionnels: total,
    professionnels_texte: total > 0 ? `${plural(total, "professionnel de santé libéral", "professionnels de santé libéraux")}` : undefined,
    autres_professionnels_texte: others.length > 0 ? joinFr(others.map((l) => l.texte)) : undefined,
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
