/**
 * What an ARS reviewer reads in the diagnostic and the budget, beyond the fields being filled:
 * figures of very different years, the data on access to care the ACI turns on, the
 * neighbouring CPTS (an inappropriate territory is one of the two grounds for opposing a
 * projet de santé), example figures left in a real project, and a budget that does not balance
 * or pays a professional above the legal cap. Pure; findings without document prefix
 * (readiness adds it).
 */
import { NBSP, formatAmount, lowerFirst, quote } from "../french/index.js";
import type { Finding, Project } from "../project/index.js";
import { computeBudget } from "./budget.js";
import { densityYearNote, diagnosticFigures, spreadNote, yearSpread } from "./diagnostic.js";
import type { MissionCode } from "./aci.js";
import { tailleFromPopulation } from "./aci.js";
import type { TerritoryFacts } from "./readiness.js";

function warn(path: string, code: string, message: string): Finding {
  return { path, code, severity: "avertissement", message };
}

/** Number of figures marked as example data in the diagnostic. */
function exampleCount(d: NonNullable<Project["diagnostic"]>): number {
  let n = (d.indicateurs ?? []).filter((i) => i.exemple).length;
  if (d.effectifs_exemple) n += 1;
  if (d.patients_sans_medecin_traitant?.exemple) n += 1;
  if (d.soins_non_programmes?.passages_urgences?.exemple) n += 1;
  if (d.zonage_medecins?.exemple) n += 1;
  n += (d.apl ?? []).filter((a) => a.exemple).length;
  n += (d.quartiers_prioritaires ?? []).filter((q) => q.exemple).length;
  return n;
}

/** Findings on the diagnostic's substance (the readiness of the diagnostic adds them). */
export function diagnosticFindings(p: Project, t: TerritoryFacts): Finding[] {
  const d = p.diagnostic ?? {};
  const out: Finding[] = [];
  const spread = spreadNote(yearSpread(diagnosticFigures(d, t.populationYear)));
  if (spread) out.push(warn("diagnostic.indicateurs", "diagnostic.annees-ecartees", lowerFirst(spread)));
  const density = densityYearNote(d.effectifs?.length ? d.effectifs_annee : undefined, t.populationYear);
  if (density) out.push(warn("diagnostic.effectifs_annee", "diagnostic.densites-annees", lowerFirst(density)));
  if (!d.patients_sans_medecin_traitant?.categories?.length)
    out.push(
      warn(
        "diagnostic.patients_sans_medecin_traitant",
        "diagnostic.sans-medecin-traitant",
        "les patients sans médecin traitant par catégorie (ALD, 70 ans et plus, C2S), que donnent Rézone CPTS ou la CPAM, ne sont pas renseignés : l’ARS les attend pour la mission d’accès aux soins",
      ),
    );
  if (!d.soins_non_programmes?.constat)
    out.push(
      warn(
        "diagnostic.soins_non_programmes.constat",
        "diagnostic.soins-non-programmes",
        "la prise en charge des soins non programmés (recours aux urgences, SAS, permanence des soins) n’est pas décrite",
      ),
    );
  if (!d.zonage_medecins)
    out.push(
      warn(
        "diagnostic.zonage_medecins",
        "diagnostic.zonage",
        "le zonage des médecins de l’ARS (communes en ZIP et en ZAC) n’est pas indiqué",
      ),
    );
  const codes = new Set(t.codes ?? []);
  if (codes.size > 0) {
    for (const zone of ["zip", "zac"] as const) {
      (d.zonage_medecins?.[zone] ?? []).forEach((code, i) => {
        if (!codes.has(code))
          out.push(
            warn(
              `diagnostic.zonage_medecins.${zone}[${i}]`,
              "diagnostic.zonage-hors-territoire",
              `la commune ${quote(code)} du zonage n’est pas dans le territoire de la CPTS`,
            ),
          );
      });
    }
    (d.quartiers_prioritaires ?? []).forEach((q, i) => {
      if (q.commune !== undefined && !codes.has(q.commune))
        out.push(warn(`diagnostic.quartiers_prioritaires[${i}].commune`, "diagnostic.qpv-hors-territoire", `le quartier ${quote(q.nom)} est dans une commune hors du territoire (${q.commune})`));
    });
  }
  const examples = exampleCount(d);
  if (examples > 0)
    out.push(
      warn(
        "diagnostic",
        "diagnostic.donnees-exemple",
        `${examples} donnée${examples > 1 ? "s" : ""} du diagnostic ${examples > 1 ? "sont des illustrations" : "est une illustration"} (exemple: true)${NBSP}; les documents les impriment avec la mention « donnée d’exemple »${NBSP}: remplacez-les par les données réelles du territoire`,
      ),
    );
  return out;
}

/** Findings on the territory against its neighbours: what the ARS can oppose a projet de santé for. */
export function neighbourFindings(p: Project): Finding[] {
  const t = p.territoire ?? {};
  const out: Finding[] = [];
  const voisines = t.cpts_voisines ?? [];
  if (voisines.length === 0 && !t.coherence_cpts_voisines)
    out.push(
      warn(
        "territoire.cpts_voisines",
        "territoire.cpts-voisines",
        "les CPTS voisines et la façon dont le territoire évite de chevaucher le leur ne sont pas décrites : un territoire inadapté est l’un des deux motifs pour lesquels l’ARS peut s’opposer au projet de santé",
      ),
    );
  voisines.forEach((v, i) => {
    if (v.chevauchement)
      out.push({
        path: `territoire.cpts_voisines[${i}].chevauchement`,
        code: "territoire.chevauchement",
        severity: "erreur",
        message: `le territoire chevauche celui de la ${v.nom}${NBSP}: l’ARS peut s’opposer au projet de santé pour un territoire inadapté (article L1434-12 du code de la santé publique). Retirez les communes communes aux deux, ou dites comment le partage a été convenu`,
      });
    else if (!v.articulation)
      out.push(warn(`territoire.cpts_voisines[${i}].articulation`, "territoire.articulation", `l’articulation avec la ${v.nom} n’est pas décrite`));
  });
  return out;
}

/** Findings on the budget (the readiness of the projet de santé adds them). */
export function budgetFindings(p: Project, t: TerritoryFacts): Finding[] {
  if (!p.budget) {
    return [
      warn(
        "budget",
        "budget.absent",
        "le budget prévisionnel (charges et produits, année par année) n’est pas renseigné : le projet de santé ne montre que les financements de l’ACI",
      ),
    ];
  }
  const missions = (p.missions ?? []).map((m) => m.code) as MissionCode[];
  const taille = t.population !== undefined ? tailleFromPopulation(t.population) : p.territoire?.taille;
  const result = computeBudget(p, { taille, missions });
  const out: Finding[] = [];
  const c = p.budget.coordination;
  if (!c || (c.etp === undefined && !c.etp_par_annee) || c.salaire_brut_annuel === undefined || c.charges_patronales_pourcentage === undefined)
    out.push(warn("budget.coordination", "budget.coordination", "le coût de la coordination n’est pas calculable : temps de travail (etp), salaire brut annuel et charges patronales (%) sont attendus"));
  for (const y of result.par_annee) {
    if (y.etat === "deficit")
      out.push(warn("budget", `budget.deficit`, `l’année ${y.annee} du budget est en déficit de ${formatAmount(-(y.solde ?? 0))} : les charges dépassent les produits`));
  }
  const unknownYears = result.par_annee.filter((y) => y.etat === "inconnu").map((y) => y.annee);
  if (unknownYears.length)
    out.push(
      warn(
        "budget",
        "budget.solde-inconnu",
        `le solde ${unknownYears.length > 1 ? "des années" : "de l’année"} ${unknownYears.join(", ")} n’est pas calculable : des montants restent inconnus (voir « cpts financement --budget »)`,
      ),
    );
  for (const y of result.plafond_indemnisation.annees) {
    if (y.depasse)
      out.push({
        path: "budget.indemnisation.maximum_par_professionnel",
        code: "budget.plafond-indemnisation",
        severity: "erreur",
        message: `un professionnel recevrait ${formatAmount(result.plafond_indemnisation.maximum_par_professionnel ?? 0)} en ${y.annee_civile}, au-delà du plafond annuel de la sécurité sociale (${formatAmount(y.plafond ?? 0)}) que fixe l’article D1434-44 du code de la santé publique`,
      });
  }
  const cac = result.commissaire_aux_comptes;
  // The legal threshold is not in the reference the documents rely on: the project gives it, or the document says it is to check.
  if (cac.seuil === null && cac.financements_publics.some((v) => v === null || v > 0))
    out.push(
      warn(
        "budget.seuil_commissaire_aux_comptes",
        "budget.seuil-commissaire",
        "le budget prévoit des subventions publiques (FIR ou autres) mais pas le seuil au-delà duquel l’association doit nommer un commissaire aux comptes : indiquez-le avec le texte qui le fixe (budget.seuil_commissaire_aux_comptes), le projet de santé dit sinon qu’il reste à vérifier",
      ),
    );
  if (cac.requis === true && !cac.prevu)
    out.push(warn("budget.commissaire_aux_comptes", "budget.commissaire", "les subventions publiques dépassent le seuil indiqué : prévoyez les honoraires d’un commissaire aux comptes"));
  const flagged = (v: unknown): boolean =>
    Array.isArray(v) ? v.some(flagged) : typeof v === "object" && v !== null && (v as { exemple?: unknown }).exemple === true;
  if (Object.values(p.budget).some(flagged))
    out.push(warn("budget", "budget.donnees-exemple", "des montants du budget sont des illustrations (exemple: true) : remplacez-les par les vôtres"));
  return out;
}
