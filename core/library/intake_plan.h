#pragma once
// Which videos an "add videos" would put into a project, before anything is written: the files
// found in the paths given, each with its video_name, prompt (and where the prompt came from) and
// generator. The GUI shows this as a preview; the CLI prints its problems.
//
// A prompt comes from --prompt, else the mapping file, else a sidecar <clip>.txt, else a
// prompt.txt in the clip's folder.
// Layouts (both common for generated video):
//   generator/clip.mp4  - one folder per generator; --generator-from folder
//   prompt/generator.mp4 - one folder per prompt (with prompt/prompt.txt); --generator-from file
// The video_name of a file inside a folder given is its path below that folder without the
// extension ("sora/cat"), so equal clip names of different generators stay apart; a file given
// by itself is named by its base name.
#include <QString>
#include <QStringList>
#include <QVector>
#include <functional>
#include <optional>

#include "core/library/prompt_map.h"

namespace vs::library {

enum class GeneratorFrom { None, Folder, FileName };

struct IntakeOptions {
  bool recursive = false;              // descend into sub-folders of the folders given
  std::optional<QString> prompt;       // one prompt for every file (--prompt)
  const PromptMap* prompts = nullptr;  // video_name -> prompt (--prompts FILE)
  QString generator;                   // one generator for every file (--generator)
  GeneratorFrom generatorFrom = GeneratorFrom::None;
  QString batch;
  bool allowNoPrompt = false;  // add files no prompt was found for (else each is a problem)
};

struct IntakeEntry {
  QString file;  // absolute path
  QString name;  // video_name
  QString prompt;
  QString promptSource;  // "--prompt", "cat.txt", "prompt.txt", "mapping", or empty
  QString generator;
  QString batch;
};

struct IntakeProblem {
  QString file;
  QString reason;
};

struct IntakePlan {
  QVector<IntakeEntry> entries;
  QVector<IntakeProblem> problems;  // nothing may be added while there are any
};

// Scans `paths` (files or folders). Folders list their video files (by extension; other files
// are passed over); a file given by name is taken whatever its extension. Does not probe.
IntakePlan planIntake(const QStringList& paths, const IntakeOptions& options);

}  // namespace vs::library
