/**
 * Where a project stands: the five stages of a CPTS's creation, each done / in progress / to do,
 * the next things to do and the coming deadlines. Pure: dates come in, nothing is read.
 */
import type { Finding, Project } from "../project/index.js";
import { upcoming, type Milestone } from "./calendar.js";
import { contractStatus, projectDeadlines, updateStep, type ContractStatus } from "./schedule.js";
import { projectParcours, projectRegime } from "./association.js";
import { GOVERNANCE_DOCUMENTS, projectDocuments, updatesProjetSante, type DocumentId } from "./documents.js";
import { NBSP } from "../french/index.js";
import { readiness, type DocumentReadiness, type TerritoryFacts } from "./readiness.js";

export type StageState = "fait" | "en_cours" | "a_faire";

export interface Stage {
  id: "diagnostic" | "lettre-intention" | "association" | "projet-sante" | "aci";
  libelle: string;
  etat: StageState;
  detail: string;
  documents: DocumentId[];
}

export interface Progress {
  etapes: Stage[];
  /** Each document's readiness; `etape_passee` when its stage is done and it is not needed any more. */
  documents: (DocumentReadiness & { etape_passee: boolean })[];
  prochaines_actions: Finding[];
  echeances: Milestone[];
  /** The ACI contract's end and its renewal, once its signature is dated. */
  contrat: ContractStatus | null;
}

const done = (date: string | undefined, today: string) => date !== undefined && date <= today;

function stages(p: Project, docs: DocumentReadiness[], today: string): Stage[] {
  const ready = (id: DocumentId) => docs.find((d) => d.document === id)?.etat === "pret";
  const c = p.calendrier ?? {};
  const d = p.diagnostic ?? {};
  const out: Stage[] = [];
  const diagStarted = Boolean(d.indicateurs?.length || d.besoins?.length || d.methode);
  out.push({
    id: "diagnostic",
    libelle: "Diagnostic territorial",
    etat: ready("diagnostic") ? "fait" : diagStarted ? "en_cours" : "a_faire",
    detail: ready("diagnostic") ? `${d.indicateurs?.length ?? 0} indicateurs, ${d.besoins?.length ?? 0} besoins` : "indicateurs, méthode et besoins à réunir",
    documents: ["diagnostic"],
  });
  const liSent = done(c.envoi_lettre_intention, today);
  // A CPTS that updates its projet de santé has long passed its lettre d’intention.
  const update = c.actualisation_projet_sante;
  out.push({
    id: "lettre-intention",
    libelle: "Lettre d’intention",
    etat: liSent || update ? "fait" : p.porteurs?.length || p.lettre_intention ? "en_cours" : "a_faire",
    detail: liSent
      ? `envoyée le ${c.envoi_lettre_intention}${done(c.validation_lettre_intention, today) ? `, validée le ${c.validation_lettre_intention}` : ""}`
      : update
        ? `étape passée${NBSP}: la CPTS existe et actualise son projet de santé`
        : ready("lettre-intention")
          ? "prête à envoyer"
          : "à compléter",
    documents: ["lettre-intention"],
  });
  out.push(associationStage(p, today));
  const pdsSent = update ? done(update.date, today) : done(c.depot_projet_sante, today);
  out.push({
    id: "projet-sante",
    libelle: update ? "Projet de santé actualisé" : "Projet de santé",
    etat: pdsSent ? "fait" : p.missions?.length ? "en_cours" : "a_faire",
    detail: pdsSent
      ? `${update ? "actualisé, envoyé" : "déposé"} le ${update ? update.date : c.depot_projet_sante}`
      : ready("projet-sante")
        ? `prêt à ${update ? "envoyer" : "déposer"}${update ? ` (prévu le ${update.date})` : ""}`
        : `${p.missions?.length ?? 0} mission(s) retenue(s)${update ? `, envoi prévu le ${update.date}` : ""}`,
    documents: ["projet-sante"],
  });
  const aciSigned = done(c.signature_aci, today);
  const renewal = update?.motif === "renouvellement_contrat";
  out.push({
    id: "aci",
    libelle: renewal ? "Renouvellement du contrat ACI" : "Contrat ACI",
    etat: renewal ? (pdsSent ? "en_cours" : "a_faire") : aciSigned ? "fait" : pdsSent ? "en_cours" : "a_faire",
    detail: renewal
      ? "nouveau contrat après l’envoi du projet de santé actualisé"
      : aciSigned
        ? `signé le ${c.signature_aci}`
        : update
          ? "date de signature du contrat en cours à indiquer, s’il est signé (calendrier.signature_aci)"
        : pdsSent
          ? "en attente de la validation du projet de santé"
          : "après la validation du projet de santé",
    documents: [],
  });
  return out;
}

/**
 * The association stage follows the founding path: a new association is done once declared (or
 * inscribed); an existing one once the modifications of its statuts are declared.
 */
function associationStage(p: Project, today: string): Stage {
  const a = p.association;
  const c = p.calendrier ?? {};
  const documents = projectDocuments(p).filter((d) => GOVERNANCE_DOCUMENTS.includes(d));
  const local = projectRegime(p) === "droit_local";
  // A CPTS that updates its projet de santé founded its association before; nothing to write.
  if (updatesProjetSante(p) && documents.length === 0)
    return { id: "association", libelle: "Association", etat: "fait", detail: `étape passée${NBSP}: l’association qui porte la CPTS est fondée`, documents };
  if (projectParcours(p) === "existante") {
    const declared = done(c.declaration_modification, today);
    const held = done(a?.ag_extraordinaire?.date, today);
    return {
      id: "association",
      libelle: "Association (statuts modifiés, AG extraordinaire)",
      etat: declared ? "fait" : a?.ag_extraordinaire ? "en_cours" : "a_faire",
      detail: declared
        ? `modifications ${local ? "inscrites" : "déclarées"} le ${c.declaration_modification}`
        : held
          ? `assemblée extraordinaire tenue le ${a!.ag_extraordinaire!.date}, modifications à ${local ? "faire inscrire" : "déclarer"}`
          : "assemblée générale extraordinaire à préparer",
      documents,
    };
  }
  const declared = a?.etat === "declaree" || done(c.declaration_association, today);
  const assembly = a?.ag_constitutive?.date ?? c.ag_constitutive;
  const held = done(assembly, today);
  return {
    id: "association",
    libelle: "Association (statuts, AG constitutive)",
    etat: declared ? "fait" : held || a?.etat === "en_cours" || a?.denomination || a?.dirigeants?.length ? "en_cours" : "a_faire",
    detail: declared
      ? `${local ? "inscrite" : "déclarée"}${c.declaration_association && done(c.declaration_association, today) ? ` le ${c.declaration_association}` : ""}`
      : held
        ? `assemblée générale constitutive tenue le ${assembly}, association à ${local ? "faire inscrire" : "déclarer"}`
        : a?.etat === "en_cours"
          ? "statuts en préparation"
          : "à créer",
    documents,
  };
}

/** The whole picture for `cpts etat` and the wizard's home screen. */
export function progress(project: Project, territory: TerritoryFacts, today: string, count = 3): Progress {
  const documents = readiness(project, territory);
  const etapes = stages(project, documents, today);
  const actions: Finding[] = [];
  for (const stage of etapes) {
    if (stage.etat === "fait") continue;
    for (const id of stage.documents) {
      const doc = documents.find((d) => d.document === id)!;
      actions.push(...doc.findings.filter((f) => f.severity === "erreur"));
    }
  }
  const c = project.calendrier ?? {};
  const milestones = projectDeadlines(project, { today });
  const update = updateStep(project);
  if (update) milestones.push({ code: "ACTUALISATION_PROJET_SANTE", libelle: update.libelle, date: update.date, source: [] });
  const own: Milestone[] = (c.jalons ?? []).map((j) => ({ code: "JALON", libelle: j.libelle, date: j.date, source: [] }));
  const planned: Milestone[] = [
    ["envoi_lettre_intention", "Envoi de la lettre d’intention"],
    ["ag_constitutive", "Assemblée générale constitutive"],
    ["depot_projet_sante", "Envoi du projet de santé à l’ARS"],
    ["signature_aci", "Signature du contrat ACI"],
  ].flatMap(([key, libelle]) => {
    const date = c[key as keyof typeof c] as string | undefined;
    return date ? [{ code: key!.toUpperCase(), libelle: libelle!, date, source: [] }] : [];
  });
  const passed = new Set(etapes.filter((e) => e.etat === "fait").flatMap((e) => e.documents));
  return {
    etapes,
    documents: documents.map((d) => ({ ...d, etape_passee: passed.has(d.document) && d.etat !== "pret" })),
    prochaines_actions: actions.slice(0, count),
    echeances: upcoming([...milestones, ...own, ...planned], today, 5),
    contrat: contractStatus(project, today),
  };
}
