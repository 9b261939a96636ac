/** The lettre d’intention section: date, place, support asked for, signatories. */
import { formatAmount, joinFr, lowerFirst } from "../../french/index.js";
import type { Project } from "../../project/index.js";
import { dated, has, text, type DatedText } from "./common.js";
import { TYPES_AIDE } from "./labels.js";
import type { PorteurView } from "./porteurs.js";

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
  /** The porteurs, who sign the letter. */
  signataires: { nom: string | undefined; qualite: string | undefined; manquant: string }[];
}

/** The letter, dated with its own date or the documents’ date, signed by the porteurs. */
export function letterSection(project: Project, documentDate: DatedText, porteurs: readonly PorteurView[]): LetterView {
  const li = project.lettre_intention ?? {};
  const soutien = li.soutien_demande ?? {};
  const liDate = dated(li.date);
  return {
    date: liDate.iso ? liDate : documentDate,
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
