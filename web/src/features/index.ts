// The explorer's features, in the order they are mounted (header buttons and legend facets
// choose their own places). Adding a feature: one folder, one line here (and, if it keeps view
// state, its slice in slices.ts, which a unit test checks against this list).
export type { AppState } from './slices.ts';
import type { Feature } from '../core/feature.ts';
import { analysisMenuFeature } from './analysis-menu/analysis-menu.ts';
import { brokersFeature } from './brokers/brokers.ts';
import { cameraFeature } from './camera/camera.ts';
import { datasetsFeature } from './datasets/datasets.ts';
import { detailsFeature } from './details/details.ts';
import { expandFeature } from './expand/expand.ts';
import { exportFeature } from './export/export.ts';
import { importFeature } from './import/import.ts';
import { fieldsYearsFeature } from './fields-years/fields-years.ts';
import { filtersFeature } from './filters/filters.ts';
import { gapsFeature } from './gaps/gaps.ts';
import { languageFeature } from './language/language.ts';
import { layoutFeature } from './layout/layout.ts';
import { metricsFeature } from './metrics/metrics.ts';
import { overviewLodFeature } from './overview-lod/overview-lod.ts';
import { partnersFeature } from './partners/partners.ts';
import { pathsFeature } from './paths/paths.ts';
import { reviewFeature } from './review/review.ts';
import { searchFeature } from './search/search.ts';
import { selectionFeature } from './selection/selection.ts';
import { sourceFeature } from './source/source.ts';
import { storiesFeature } from './stories/stories.ts';
import { tableFeature } from './table/table.ts';
import type { AppState } from './slices.ts';
import { themeFeature } from './theme/theme.ts';
import { timelineFeature } from './timeline/timeline.ts';

export function features(): Feature<AppState>[] {
  return [
    languageFeature(),
    datasetsFeature(),
    themeFeature(),
    searchFeature(),
    layoutFeature(),
    cameraFeature(),
    filtersFeature(),
    fieldsYearsFeature(),
    timelineFeature(),
    selectionFeature(),
    overviewLodFeature(),
    expandFeature(),
    detailsFeature(),
    sourceFeature(),
    pathsFeature(),
    // After details: it adds its button to the details panel.
    partnersFeature(),
    // Before the analytics views: they add their entries to its menu.
    analysisMenuFeature(),
    brokersFeature(),
    gapsFeature(),
    metricsFeature(),
    tableFeature(),
    exportFeature(),
    importFeature(),
    reviewFeature(),
    // Last: its panel stands beside the others, and it reads the view every feature has set.
    storiesFeature(),
  ];
}
