/** The documents the tool writes, in the order a CPTS needs them. */
export const DOCUMENTS = [
  { id: "diagnostic", titre: "Diagnostic territorial", destinataire: "annexe de la lettre d’intention et du projet de santé" },
  { id: "lettre-intention", titre: "Lettre d’intention", destinataire: "ARS (délégation départementale), copie CPAM et URPS" },
  { id: "statuts", titre: "Statuts de l’association", destinataire: "préfecture (ou tribunal judiciaire en Alsace-Moselle)" },
  { id: "pv-ag-constitutive", titre: "Procès-verbal de l’assemblée générale constitutive", destinataire: "préfecture" },
  { id: "projet-sante", titre: "Projet de santé", destinataire: "ARS (directeur général), avec l’Assurance Maladie" },
] as const;

export type DocumentId = (typeof DOCUMENTS)[number]["id"];
export const DOCUMENT_IDS: readonly DocumentId[] = DOCUMENTS.map((d) => d.id);

export function documentTitle(id: DocumentId): string {
  return DOCUMENTS.find((d) => d.id === id)!.titre;
}
