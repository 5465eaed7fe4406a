import { CompetenceIssue } from './competence/competence-issue.entity';
import { TerritorialCompetence } from './competence/territorial-competence.entity';
import { CourtSite } from './court-site/court-site.entity';
import { Court } from './court/court.entity';

export const organisationEntities = [Court, CourtSite, TerritorialCompetence, CompetenceIssue];
