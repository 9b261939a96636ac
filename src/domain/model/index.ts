/** The view model of the documents: `buildModel` and the shape of what it returns, section by section. */
export { buildModel, type DocumentModel } from "./build.js";
export type { ModelOptions, CptsView, DocumentView } from "./identity.js";
export { lowerInitial, type AddressView, type DatedText, type PersonView } from "./common.js";
export type { PorteurView, PorteursView } from "./porteurs.js";
export { COMMUNES_INLINE_MAX, type CommuneView, type TerritoryView } from "./territory.js";
export type { DiagnosticView, IndicatorView } from "./diagnostic.js";
export type { ActorGroupView, ActorsSectionView, ActorsView } from "./actors.js";
export type { ActionView, ComponentView, IndicatorActionView, MissionView, MissionsView } from "./missions.js";
export type { AssociationView, DirigeantView } from "./governance.js";
export type { LetterView } from "./letter.js";
export type { CommunicationView, EvaluationView, InformationSystemView, OrganisationView } from "./organisation.js";
export type { FinancingSectionView } from "./financing.js";
export type { FinancingView } from "./financing-view.js";
export { Notes, amountOrUnknown, balanceText, rowNotes, totalText, type BudgetRowView, type BudgetView } from "./budget-view.js";
export type { CalendarView, MilestoneView } from "./calendar.js";
export { departementWithDe, majorityWords, quorumWords, type RuleWords } from "./wording.js";
