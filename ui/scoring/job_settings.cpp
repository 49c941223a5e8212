#include "ui/scoring/job_settings.h"

#include "core/scoring/template_library.h"
#include "core/store/store.h"
#include "ui/settings/settings_dialog.h"

namespace vs::ui {

QStringList templateChoices(const store::Store* project) {
  QStringList names = scoring::presetTemplateNames();
  if (project) {
    for (const store::QueryTemplateRecord& t : project->queryTemplates()) {
      if (!names.contains(t.name)) {
        names << t.name;
      }
    }
  }
  return names;
}

scoring::ScoreSettings jobSettings(const ScoringSettings& choice, const store::Store* project) {
  scoring::ScoreSettings settings;
  settings.format = choice.constrained ? scoring::ScoreFormat::Constrained : scoring::ScoreFormat::Free;
  if (!choice.templateName.isEmpty()) {
    scoring::chooseTemplate(settings, choice.templateName, project);
  }
  return settings;
}

}  // namespace vs::ui
