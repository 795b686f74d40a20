// The explorer's features, in the order they are mounted (header buttons and legend facets
// choose their own places). Adding a feature: one folder, one line here, its state in AppState.
import type { Feature } from '../core/feature.ts';
import type { CoreState } from '../core/state.ts';
import { cameraFeature, type CameraState } from './camera/camera.ts';
import { detailsFeature } from './details/details.ts';
import { expandFeature, type ExpandState } from './expand/expand.ts';
import { exportFeature } from './export/export.ts';
import { fieldsYearsFeature, type FieldsYearsState } from './fields-years/fields-years.ts';
import { filtersFeature, type FiltersState } from './filters/filters.ts';
import { languageFeature } from './language/language.ts';
import { layoutFeature } from './layout/layout.ts';
import { pathsFeature, type PathsState } from './paths/paths.ts';
import { searchFeature } from './search/search.ts';
import { selectionFeature, type SelectionState } from './selection/selection.ts';
import { sourceFeature, type SourceState } from './source/source.ts';
import { tableFeature } from './table/table.ts';
import { themeFeature, type ThemeState } from './theme/theme.ts';

/** The whole view: what a shared link reproduces (each feature owns its keys). */
export type AppState = CoreState &
  ThemeState &
  CameraState &
  SelectionState &
  FiltersState &
  FieldsYearsState &
  SourceState &
  PathsState &
  ExpandState;

export function features(): Feature<AppState>[] {
  return [
    languageFeature(),
    themeFeature(),
    searchFeature(),
    layoutFeature(),
    cameraFeature(),
    filtersFeature(),
    fieldsYearsFeature(),
    selectionFeature(),
    expandFeature(),
    detailsFeature(),
    sourceFeature(),
    pathsFeature(),
    tableFeature(),
    exportFeature(),
  ];
}
