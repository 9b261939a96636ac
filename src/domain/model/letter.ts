/** The lettre d’intention section: date, place, support asked for, signatories. */
import { formatAmount, joinFr, lowerFirst } from "../../french/index.js";
import type { Project } from "../../project/index.js";
import { dated, has, text, type DatedText } from "./common.js";
import { TYPES_AIDE } from "./labels.js";
import type { PorteurView } from "./porteurs.js";
import type { DiagnosticView, IndicatorView } from "./diagnostic.js";
import type { MissionView } from "./missions.js";
import { rulesAt } from "../timeline.js";
import { mission as missionData } from "../missions.js";
import type { MissionCode } from "../aci.js";

export interface LetterView {
  date: DatedText;
  lieu: string | undefined;
  soutien: {
    euros: number | undefined;
    montant_texte: string | undefined;
    types: string[];
    types_texte: string | undefined;
    commentaire: string | undefined;
  };
  gouvernance: string | undefined;
  coordination: string | undefined;
  pieces_jointes: string[];
  /** The diagnostic as the letter can cite it: only figures of its year or before. */
  diagnostic: {
    indicateurs: IndicatorView[];
    sources_texte: string | undefined;
    /** Figures left out because they are newer than the letter. */
    posterieurs: number;
  };
  /** Said when the population the tool computes is of a year after the letter. */
  population_note: string | undefined;
  /**
   * Whether the ACI applies on the letter's date (or the letter is undated): a letter written
   * before it cites neither its tailles nor its socle missions.
   */
  aci_en_vigueur: boolean;
  /** « La communauté s’engagera sur les missions de l’accord… suivantes » or, before the ACI, without it. */
  missions_intro: string;
  /** The missions chosen, each with its status under the ACI of the letter's date (none before the ACI). */
  missions: { libelle: string; statut: string | undefined; objectifs: string[] }[];
  /** « Association « … », déclarée le 10 juin 2014. », set once the association's section is known. */
  structure_juridique?: string | undefined;
  /** The porteurs, who sign the letter. */
  signataires: { nom: string | undefined; qualite: string | undefined; manquant: string }[];
}

/**
 * A mission's status under the ACI of the letter's date: none before the ACI, nor for a mission
 * the ACI did not have yet (the crisis mission came with the avenant 2, as a socle mission).
 */
function letterStatus(m: MissionView, date: string | undefined, aci: boolean, socles: readonly string[] | undefined): string | undefined {
  if (!aci) return undefined;
  if (date === undefined || socles === undefined) return m.statut;
  const since = missionData(m.code as MissionCode)?.valid_from;
  if (since !== undefined && since > date) return undefined;
  return socles.includes(m.code) ? "mission socle" : "mission optionnelle";
}

/** The letter, dated with its own date or the documents’ date, signed by the porteurs. */
export function letterSection(
  project: Project,
  documentDate: DatedText,
  porteurs: readonly PorteurView[],
  diagnostic: DiagnosticView,
  populationYear: number | undefined,
  missions: readonly MissionView[] = [],
): LetterView {
  const li = project.lettre_intention ?? {};
  const soutien = li.soutien_demande ?? {};
  const liDate = dated(li.date);
  const date = liDate.iso ? liDate : documentDate;
  const year = date.iso ? Number(date.iso.slice(0, 4)) : undefined;
  const cited = diagnostic.indicateurs.filter((i) => year === undefined || i.annee <= year);
  const sources = [...new Set(cited.map((i) => i.source))].map((s) => {
    const years = [...new Set(cited.filter((i) => i.source === s).map((i) => i.annee))].sort((a, b) => a - b);
    return `${s} (${joinFr(years.map(String))})`;
  });
  const rules = date.iso ? rulesAt(date.iso) : undefined;
  const aci = rules === undefined || rules.aci.version !== null;
  const socles = rules?.missions_socles.codes;
  return {
    date,
    aci_en_vigueur: aci,
    missions_intro: aci
      ? "La communauté s’engagera sur les missions de l’accord conventionnel interprofessionnel suivantes"
      : "La communauté envisage de conduire les missions suivantes",
    missions: missions.map((m) => ({
      libelle: m.libelle,
      statut: letterStatus(m, date.iso, aci, socles),
      objectifs: m.objectifs,
    })),
    lieu: text(li.lieu) ?? text(project.documents?.lieu),
    soutien: {
      euros: soutien.montant,
      montant_texte: soutien.montant !== undefined ? formatAmount(soutien.montant) : undefined,
      types: (soutien.types ?? []).map((x) => TYPES_AIDE[x] ?? x),
      types_texte: soutien.types?.length ? joinFr(soutien.types.map((x) => TYPES_AIDE[x] ?? x)) : undefined,
      commentaire: text(soutien.commentaire),
    },
    gouvernance: text(li.gouvernance_envisagee),
    coordination: text(li.coordination_envisagee),
    pieces_jointes: (li.pieces_jointes ?? []).filter(has),
    diagnostic: { indicateurs: cited, sources_texte: sources.length ? joinFr(sources) : undefined, posterieurs: diagnostic.indicateurs.length - cited.length },
    population_note:
      year !== undefined && populationYear !== undefined && populationYear > year
        ? `postérieures à la date de cette lettre`
        : undefined,
    signataires:
      porteurs.length > 0
        ? porteurs.map((p) => ({
            nom: p.nom_complet,
            qualite: p.profession_libelle ? lowerFirst(p.profession_libelle) : undefined,
            manquant: p.manquant.nom,
          }))
        : [{ nom: undefined, qualite: undefined, manquant: "porteurs du projet, qui signent la lettre (porteurs)" }],
  };
}
