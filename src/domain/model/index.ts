/** The view model of the documents: `buildModel` and the shape of what it returns, section by section. */
export { buildModel, modelForDocument, type DocumentModel } from "./build.js";
export type { ModelOptions, CptsView, DocumentView, RulesView } from "./identity.js";
export type { AddressView, DatedText, PersonView } from "./common.js";
export type { PorteurView, PorteursView } from "./porteurs.js";
export { COMMUNES_INLINE_MAX, territoryWithDe, type CommuneView, type TerritoryView } from "./territory.js";
export type { DiagnosticView, IndicatorView } from "./diagnostic.js";
export type { ActorGroupView, ActorsSectionView, ActorsView } from "./actors.js";
export type { ActionView, DeadlineCheck, IndicatorActionView, MissionView, MissionsView } from "./missions.js";
export type { AssociationView, DirigeantView, SignatoryView } from "./governance.js";
export type { ElectionView, MeetingView, MeetingsView, ResolutionView, SessionPersonView, VoteView } from "./meetings.js";
export type { FilingView } from "./filing.js";
export type { LetterView } from "./letter.js";
export type { CommunicationView, EvaluationView, InformationSystemView, OrganisationView } from "./organisation.js";
export type { FinancingSectionView } from "./financing.js";
export type { FinancingView } from "./financing-view.js";
export type { CalendarView, MilestoneView } from "./calendar.js";
export type { AgesFigure, ComparisonFigure, FigureSpec, FiguresView, GroupedFigure } from "./figures.js";
export { departementWithDe, majorityWords, quorumWords, type RuleWords } from "./wording.js";
