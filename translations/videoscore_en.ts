<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Dimension</name>
    <message>
        <source>Visual quality</source>
        <translation>Visual quality</translation>
    </message>
    <message>
        <source>Text-to-video alignment</source>
        <translation>Text-to-video alignment</translation>
    </message>
    <message>
        <source>Physical / common-sense consistency</source>
        <translation>Physical / common-sense consistency</translation>
    </message>
</context>
<context>
    <name>ModelView</name>
    <message>
        <source>random-weight demo model — not a real judgement</source>
        <translation>random-weight demo model — not a real judgement</translation>
    </message>
</context>
<context>
    <name>PlayerActions</name>
    <message>
        <source>Play / pause</source>
        <translation>Play / pause</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>Next frame</translation>
    </message>
    <message>
        <source>Previous frame</source>
        <translation>Previous frame</translation>
    </message>
    <message>
        <source>Forward one second</source>
        <translation>Forward one second</translation>
    </message>
    <message>
        <source>Back one second</source>
        <translation>Back one second</translation>
    </message>
    <message>
        <source>Go to start</source>
        <translation>Go to start</translation>
    </message>
    <message>
        <source>Go to end</source>
        <translation>Go to end</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>Slower</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>Faster</translation>
    </message>
    <message>
        <source>Loop: off / whole / in-out</source>
        <translation>Loop: off / whole / in-out</translation>
    </message>
    <message>
        <source>Set loop in point</source>
        <translation>Set loop in point</translation>
    </message>
    <message>
        <source>Set loop out point</source>
        <translation>Set loop out point</translation>
    </message>
    <message>
        <source>Zoom to fit</source>
        <translation>Zoom to fit</translation>
    </message>
    <message>
        <source>Zoom 1:1</source>
        <translation>Zoom 1:1</translation>
    </message>
    <message>
        <source>Difference A−B</source>
        <translation>Difference A−B</translation>
    </message>
    <message>
        <source>Wipe A|B</source>
        <translation>Wipe A|B</translation>
    </message>
    <message>
        <source>Toggle A/B</source>
        <translation>Toggle A/B</translation>
    </message>
    <message>
        <source>Focused clip alone</source>
        <translation>Focused clip alone</translation>
    </message>
    <message>
        <source>Sync clips</source>
        <translation>Sync clips</translation>
    </message>
    <message>
        <source>Focus next clip</source>
        <translation>Focus next clip</translation>
    </message>
    <message>
        <source>Focused clip one frame later</source>
        <translation>Focused clip one frame later</translation>
    </message>
    <message>
        <source>Focused clip one frame earlier</source>
        <translation>Focused clip one frame earlier</translation>
    </message>
    <message>
        <source>Save frames as PNG</source>
        <translation>Save frames as PNG</translation>
    </message>
    <message>
        <source>Mute the focused clip</source>
        <translation>Mute the focused clip</translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <source>VideoFeedback2 JSON</source>
        <translation>VideoFeedback2 JSON</translation>
    </message>
    <message>
        <source>VideoFeedback2 JSON Lines</source>
        <translation>VideoFeedback2 JSON Lines</translation>
    </message>
    <message>
        <source>CSV (VideoFeedback2 columns)</source>
        <translation>CSV (VideoFeedback2 columns)</translation>
    </message>
    <message>
        <source>VideoScore2 predictions</source>
        <translation>VideoScore2 predictions</translation>
    </message>
    <message>
        <source>SFT conversations (fine-tuning)</source>
        <translation>SFT conversations (fine-tuning)</translation>
    </message>
    <message>
        <source>Label Studio tasks</source>
        <translation>Label Studio tasks</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>Rubric</name>
    <message>
        <source>How the video looks on its own: sharpness, resolution, colour, stable structure, no artifacts, flicker or distortion.</source>
        <translation>How the video looks on its own: sharpness, resolution, colour, stable structure, no artifacts, flicker or distortion.</translation>
    </message>
    <message>
        <source>1 – Very poor: heavy artifacts, blur or distortion throughout</source>
        <translation>1 – Very poor: heavy artifacts, blur or distortion throughout</translation>
    </message>
    <message>
        <source>2 – Relatively poor: clear artifacts or blur in large parts</source>
        <translation>2 – Relatively poor: clear artifacts or blur in large parts</translation>
    </message>
    <message>
        <source>3 – Medium: acceptable, with noticeable flaws</source>
        <translation>3 – Medium: acceptable, with noticeable flaws</translation>
    </message>
    <message>
        <source>4 – Relatively good: minor flaws only</source>
        <translation>4 – Relatively good: minor flaws only</translation>
    </message>
    <message>
        <source>5 – Very good: clean, sharp and stable</source>
        <translation>5 – Very good: clean, sharp and stable</translation>
    </message>
    <message>
        <source>How well the video matches the prompt: subjects, attributes, actions, count, scene and style.</source>
        <translation>How well the video matches the prompt: subjects, attributes, actions, count, scene and style.</translation>
    </message>
    <message>
        <source>1 – Very poor: unrelated to the prompt</source>
        <translation>1 – Very poor: unrelated to the prompt</translation>
    </message>
    <message>
        <source>2 – Relatively poor: most elements missing or wrong</source>
        <translation>2 – Relatively poor: most elements missing or wrong</translation>
    </message>
    <message>
        <source>3 – Medium: main subject present, several details wrong</source>
        <translation>3 – Medium: main subject present, several details wrong</translation>
    </message>
    <message>
        <source>4 – Relatively good: small details missing</source>
        <translation>4 – Relatively good: small details missing</translation>
    </message>
    <message>
        <source>5 – Very good: everything in the prompt is shown</source>
        <translation>5 – Very good: everything in the prompt is shown</translation>
    </message>
    <message>
        <source>Whether the video obeys physics and common sense: motion, gravity, contact, object permanence, anatomy.</source>
        <translation>Whether the video obeys physics and common sense: motion, gravity, contact, object permanence, anatomy.</translation>
    </message>
    <message>
        <source>1 – Very poor: impossible events throughout</source>
        <translation>1 – Very poor: impossible events throughout</translation>
    </message>
    <message>
        <source>2 – Relatively poor: frequent violations</source>
        <translation>2 – Relatively poor: frequent violations</translation>
    </message>
    <message>
        <source>3 – Medium: some implausible moments</source>
        <translation>3 – Medium: some implausible moments</translation>
    </message>
    <message>
        <source>4 – Relatively good: rare, small violations</source>
        <translation>4 – Relatively good: rare, small violations</translation>
    </message>
    <message>
        <source>5 – Very good: fully plausible</source>
        <translation>5 – Very good: fully plausible</translation>
    </message>
</context>
<context>
    <name>vs::ui</name>
    <message>
        <source>Project rubric</source>
        <translation>Project rubric</translation>
    </message>
    <message>
        <source>Cannot read the rubric: %1</source>
        <translation>Cannot read the rubric: %1</translation>
    </message>
    <message>
        <source>The project rubric</source>
        <translation>The project rubric</translation>
    </message>
    <message>
        <source>The rubric was not saved: %1
Your text is kept in the editor.</source>
        <translation>The rubric was not saved: %1
Your text is kept in the editor.</translation>
    </message>
</context>
<context>
    <name>vs::ui::AddVideosDialog</name>
    <message>
        <source>one prompt for all</source>
        <translation>one prompt for all</translation>
    </message>
    <message>
        <source>mapping file</source>
        <translation>mapping file</translation>
    </message>
    <message>
        <source>Add videos</source>
        <translation>Add videos</translation>
    </message>
    <message>
        <source>Files and folders to add</source>
        <translation>Files and folders to add</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>Add &amp;files…</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>Add f&amp;older…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Videos (%1);;All files (*)</source>
        <translation>Videos (%1);;All files (*)</translation>
    </message>
    <message>
        <source>Add video files</source>
        <translation>Add video files</translation>
    </message>
    <message>
        <source>Add a folder of videos</source>
        <translation>Add a folder of videos</translation>
    </message>
    <message>
        <source>Include sub-folders</source>
        <translation>Include sub-folders</translation>
    </message>
    <message>
        <source>From a text file beside each clip (clip.txt or prompt.txt)</source>
        <translation>From a text file beside each clip (clip.txt or prompt.txt)</translation>
    </message>
    <message>
        <source>One prompt for all:</source>
        <translation>One prompt for all:</translation>
    </message>
    <message>
        <source>Prompt for every clip</source>
        <translation>Prompt for every clip</translation>
    </message>
    <message>
        <source>From a mapping file:</source>
        <translation>From a mapping file:</translation>
    </message>
    <message>
        <source>Prompt mapping file</source>
        <translation>Prompt mapping file</translation>
    </message>
    <message>
        <source>JSON, CSV or VideoFeedback2 file: video_name → prompt</source>
        <translation>JSON, CSV or VideoFeedback2 file: video_name → prompt</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Add clips no prompt was found for</source>
        <translation>Add clips no prompt was found for</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>Prompt:</translation>
    </message>
    <message>
        <source>Mapping files (*.json *.jsonl *.csv);;All files (*)</source>
        <translation>Mapping files (*.json *.jsonl *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>Generator</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Parent folder&apos;s name (generator/clip.mp4)</source>
        <translation>Parent folder&apos;s name (generator/clip.mp4)</translation>
    </message>
    <message>
        <source>File name (prompt/generator.mp4)</source>
        <translation>File name (prompt/generator.mp4)</translation>
    </message>
    <message>
        <source>The same for all:</source>
        <translation>The same for all:</translation>
    </message>
    <message>
        <source>Generator name</source>
        <translation>Generator name</translation>
    </message>
    <message>
        <source>&amp;Generator:</source>
        <translation>&amp;Generator:</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>&amp;Batch:</source>
        <translation>&amp;Batch:</translation>
    </message>
    <message>
        <source>Preview — nothing is written until you add them:</source>
        <translation>Preview — nothing is written until you add them:</translation>
    </message>
    <message>
        <source>Videos that would be added</source>
        <translation>Videos that would be added</translation>
    </message>
    <message>
        <source>Video name</source>
        <translation>Video name</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Prompt from</source>
        <translation>Prompt from</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>choose the prompt mapping file</source>
        <translation>choose the prompt mapping file</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) to add.</source>
        <translation>
            <numerusform>%n video to add.</numerusform>
            <numerusform>%n videos to add.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) found; fix the problems above to add them.</source>
        <translation>
            <numerusform>%n video found; fix the problems above to add them.</numerusform>
            <numerusform>%n videos found; fix the problems above to add them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Add %n video(s)</source>
        <translation>
            <numerusform>&amp;Add %n video</numerusform>
            <numerusform>&amp;Add %n videos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vs::ui::AnnotationSession</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 cleared</source>
        <translation>%1 cleared</translation>
    </message>
    <message>
        <source>Accept model scores</source>
        <translation>Accept model scores</translation>
    </message>
    <message>
        <source>Change flags</source>
        <translation>Change flags</translation>
    </message>
    <message>
        <source>Overall reasoning</source>
        <translation>Overall reasoning</translation>
    </message>
    <message>
        <source>Rationale: %1</source>
        <translation>Rationale: %1</translation>
    </message>
</context>
<context>
    <name>vs::ui::AuditView</name>
    <message>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>Dimension:</source>
        <translation>Dimension:</translation>
    </message>
    <message>
        <source>Confusion matrix: person scores in rows, model scores in columns</source>
        <translation>Confusion matrix: person scores in rows, model scores in columns</translation>
    </message>
    <message>
        <source>Rows: people · columns: model. Click a cell to list its items in the queue.</source>
        <translation>Rows: people · columns: model. Click a cell to list its items in the queue.</translation>
    </message>
    <message>
        <source>%1: person %2, model %3</source>
        <translation>%1: person %2, model %3</translation>
    </message>
    <message>
        <source>Person (rows) vs model (columns)</source>
        <translation>Person (rows) vs model (columns)</translation>
    </message>
    <message>
        <source>Agreement between model and people</source>
        <translation>Agreement between model and people</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Exact %</source>
        <translation>Exact %</translation>
    </message>
    <message>
        <source>±1 %</source>
        <translation>±1 %</translation>
    </message>
    <message>
        <source>%1 items with both a person&apos;s and the model&apos;s score</source>
        <translation>%1 items with both a person&apos;s and the model&apos;s score</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Score histogram</source>
        <translation>Score histogram</translation>
    </message>
    <message>
        <source>Model soft score</source>
        <translation>Model soft score</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Soft score vs person</source>
        <translation>Soft score vs person</translation>
    </message>
    <message>
        <source>Mean score per generator</source>
        <translation>Mean score per generator</translation>
    </message>
    <message>
        <source>SRCC ×100</source>
        <translation>SRCC ×100</translation>
    </message>
    <message>
        <source>PLCC ×100</source>
        <translation>PLCC ×100</translation>
    </message>
    <message>
        <source>Value and its bootstrap 95 % confidence interval (%1 resamples)</source>
        <translation>Value and its bootstrap 95 % confidence interval (%1 resamples)</translation>
    </message>
</context>
<context>
    <name>vs::ui::CheatSheetOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Press any key to close.</source>
        <translation>Press any key to close.</translation>
    </message>
</context>
<context>
    <name>vs::ui::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>File to write</source>
        <translation>File to write</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>*.%1 files (*.%1);;All files (*)</source>
        <translation>*.%1 files (*.%1);;All files (*)</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>&amp;Annotator:</source>
        <translation>&amp;Annotator:</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>O&amp;rigin:</source>
        <translation>O&amp;rigin:</translation>
    </message>
    <message>
        <source>&amp;Model (predictions):</source>
        <translation>&amp;Model (predictions):</translation>
    </message>
    <message>
        <source>the VideoScore2 instruction; $t2v_prompt is the prompt</source>
        <translation>the VideoScore2 instruction; $t2v_prompt is the prompt</translation>
    </message>
    <message>
        <source>&amp;Instruction (SFT):</source>
        <translation>&amp;Instruction (SFT):</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>The project has no model results to export as predictions.</source>
        <translation>The project has no model results to export as predictions.</translation>
    </message>
</context>
<context>
    <name>vs::ui::FrameSource</name>
    <message>
        <source>cannot write %1</source>
        <translation>cannot write %1</translation>
    </message>
</context>
<context>
    <name>vs::ui::ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>File to import</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>Exchange files (*.json *.jsonl *.csv);;All files (*)</source>
        <translation>Exchange files (*.json *.jsonl *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Detect from the file</source>
        <translation>Detect from the file</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>default</source>
        <translation>default</translation>
    </message>
    <message>
        <source>&amp;Annotator (who gave the scores):</source>
        <translation>&amp;Annotator (who gave the scores):</translation>
    </message>
    <message>
        <source>&amp;Model (prediction files):</source>
        <translation>&amp;Model (prediction files):</translation>
    </message>
    <message>
        <source>Folder with the items&apos; videos</source>
        <translation>Folder with the items&apos; videos</translation>
    </message>
    <message>
        <source>optional: where the items&apos; video files are</source>
        <translation>optional: where the items&apos; video files are</translation>
    </message>
    <message>
        <source>&amp;Videos folder:</source>
        <translation>&amp;Videos folder:</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
</context>
<context>
    <name>vs::ui::JobsDock</name>
    <message>
        <source>queued</source>
        <translation>queued</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>Worker: not started</source>
        <translation>Worker: not started</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel the selected job</source>
        <translation>Cancel the selected job</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Retry the selected job</source>
        <translation>Retry the selected job</translation>
    </message>
    <message>
        <source>Scoring jobs</source>
        <translation>Scoring jobs</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Reasoning of the selected job</source>
        <translation>Reasoning of the selected job</translation>
    </message>
    <message>
        <source>The model&apos;s reasoning appears here as it is generated.</source>
        <translation>The model&apos;s reasoning appears here as it is generated.</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>Served by</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 failed: %2</translation>
    </message>
</context>
<context>
    <name>vs::ui::MainWindow</name>
    <message>
        <source>Not refreshed: %1</source>
        <translation>Not refreshed: %1</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <source>Add videos…</source>
        <translation>Add videos…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Relink missing videos…</source>
        <translation>Relink missing videos…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <source>Video player</source>
        <translation>Video player</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Judge</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Edit history</source>
        <translation>Edit history</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;opened&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>Editing</translation>
    </message>
    <message>
        <source>View</source>
        <translation>View</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Player</source>
        <translation>Player</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Score %1 for the current dimension</source>
        <translation>Score %1 for the current dimension</translation>
    </message>
    <message>
        <source>Clear the current dimension</source>
        <translation>Clear the current dimension</translation>
    </message>
    <message>
        <source>Go to visual quality</source>
        <translation>Go to visual quality</translation>
    </message>
    <message>
        <source>Go to text-to-video alignment</source>
        <translation>Go to text-to-video alignment</translation>
    </message>
    <message>
        <source>Go to physical consistency</source>
        <translation>Go to physical consistency</translation>
    </message>
    <message>
        <source>Accept the model&apos;s scores</source>
        <translation>Accept the model&apos;s scores</translation>
    </message>
    <message>
        <source>Write the rationale of the current dimension</source>
        <translation>Write the rationale of the current dimension</translation>
    </message>
    <message>
        <source>Write the overall reasoning</source>
        <translation>Write the overall reasoning</translation>
    </message>
    <message>
        <source>Leave the text field</source>
        <translation>Leave the text field</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Flag: skip</source>
        <translation>Flag: skip</translation>
    </message>
    <message>
        <source>Flag: broken video</source>
        <translation>Flag: broken video</translation>
    </message>
    <message>
        <source>Flag: needs review</source>
        <translation>Flag: needs review</translation>
    </message>
    <message>
        <source>Write the flag note</source>
        <translation>Write the flag note</translation>
    </message>
    <message>
        <source>Next unscored item</source>
        <translation>Next unscored item</translation>
    </message>
    <message>
        <source>Previous unscored item</source>
        <translation>Previous unscored item</translation>
    </message>
    <message>
        <source>Next item</source>
        <translation>Next item</translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation>Previous item</translation>
    </message>
    <message>
        <source>Go to the queue</source>
        <translation>Go to the queue</translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation>Search the queue</translation>
    </message>
    <message>
        <source>Blind mode</source>
        <translation>Blind mode</translation>
    </message>
    <message>
        <source>Show keyboard shortcuts</source>
        <translation>Show keyboard shortcuts</translation>
    </message>
    <message>
        <source>Judge tab</source>
        <translation>Judge tab</translation>
    </message>
    <message>
        <source>Audit tab</source>
        <translation>Audit tab</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>Open project…</translation>
    </message>
    <message>
        <source>Open team project…</source>
        <translation>Open team project…</translation>
    </message>
    <message>
        <source>No video leased: %1</source>
        <translation>No video leased: %1</translation>
    </message>
    <message>
        <source>Nothing left to judge for you on this project.</source>
        <translation>Nothing left to judge for you on this project.</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Score unscored items with the model</source>
        <translation>Score unscored items with the model</translation>
    </message>
    <message>
        <source>Score this item with the model again</source>
        <translation>Score this item with the model again</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Project already open</source>
        <translation>Project already open</translation>
    </message>
    <message>
        <source>%1 is open in another window (process %2 on %3).

Open it read-only here?</source>
        <translation>%1 is open in another window (process %2 on %3).

Open it read-only here?</translation>
    </message>
    <message>
        <source>Read-only: the project is open in process %1 on %2.</source>
        <translation>Read-only: the project is open in process %1 on %2.</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Cannot open project</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>%1 of %2 scored</source>
        <translation>%1 of %2 scored</translation>
    </message>
    <message>
        <source>VideoScore Studio</source>
        <translation>VideoScore Studio</translation>
    </message>
    <message>
        <source>[read-only]</source>
        <translation>[read-only]</translation>
    </message>
    <message>
        <source>[blind]</source>
        <translation>[blind]</translation>
    </message>
    <message>
        <source>Edit the project rubric…</source>
        <translation>Edit the project rubric…</translation>
    </message>
    <message>
        <source>Prefer</source>
        <translation>Prefer</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>Preference mode</source>
        <translation>Preference mode</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>%1 already exists; choose another name.</source>
        <translation>%1 already exists; choose another name.</translation>
    </message>
    <message>
        <source>New project: add your videos with File › Add videos… or by dropping them here.</source>
        <translation>New project: add your videos with File › Add videos… or by dropping them here.</translation>
    </message>
    <message>
        <source>The project is read-only here.</source>
        <translation>The project is read-only here.</translation>
    </message>
    <message>
        <source>Open or create a project first.</source>
        <translation>Open or create a project first.</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>Open a project first.</translation>
    </message>
    <message>
        <source>Folder with the missing videos</source>
        <translation>Folder with the missing videos</translation>
    </message>
    <message>
        <source>Edits the server refused…</source>
        <translation>Edits the server refused…</translation>
    </message>
    <message>
        <source>The server has refused none of your edits.</source>
        <translation>The server has refused none of your edits.</translation>
    </message>
</context>
<context>
    <name>vs::ui::ModelScoring</name>
    <message>
        <source>Prompt template: %1</source>
        <translation>Prompt template: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) queued for the model.</source>
        <translation>
            <numerusform>%n item queued for the model.</numerusform>
            <numerusform>%n items queued for the model.</numerusform>
        </translation>
    </message>
    <message>
        <source>Worker: writing the demo model…</source>
        <translation>Worker: writing the demo model…</translation>
    </message>
    <message>
        <source>Worker: cannot write the demo model: %1</source>
        <translation>Worker: cannot write the demo model: %1</translation>
    </message>
    <message>
        <source>Worker: cannot run vscore to write the demo model</source>
        <translation>Worker: cannot run vscore to write the demo model</translation>
    </message>
</context>
<context>
    <name>vs::ui::OfflineEdits</name>
    <message>
        <source>Edits the server could not take yet are kept in %1</source>
        <translation>Edits the server could not take yet are kept in %1</translation>
    </message>
    <message numerus="yes">
        <source>Offline — %n edit(s) kept on this computer</source>
        <translation>
            <numerusform>Offline — %n edit kept on this computer</numerusform>
            <numerusform>Offline — %n edits kept on this computer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending %n kept edit(s)…</source>
        <translation>
            <numerusform>Sending %n kept edit…</numerusform>
            <numerusform>Sending %n kept edits…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edit(s) kept on this computer; the server cannot take them yet (retrying): %1</source>
        <translation>
            <numerusform>%n edit kept on this computer; the server cannot take it yet (retrying): %1</numerusform>
            <numerusform>%n edits kept on this computer; the server cannot take them yet (retrying): %1</numerusform>
        </translation>
    </message>
    <message>
        <source>All edits sent</source>
        <translation>All edits sent</translation>
    </message>
    <message numerus="yes">
        <source>All edits sent but %n the server refused; they are kept aside on this computer (File › Edits the server refused…): %1</source>
        <translation>
            <numerusform>All edits sent but %n the server refused; it is kept aside on this computer (File › Edits the server refused…): %1</numerusform>
            <numerusform>All edits sent but %n the server refused; they are kept aside on this computer (File › Edits the server refused…): %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vs::ui::PlayerGrid</name>
    <message>
        <source>missing: %1 — Relink…</source>
        <translation>missing: %1 — Relink…</translation>
    </message>
    <message>
        <source>Clip %1</source>
        <translation>Clip %1</translation>
    </message>
    <message>
        <source>loop off</source>
        <translation>loop off</translation>
    </message>
    <message>
        <source>loop all</source>
        <translation>loop all</translation>
    </message>
    <message>
        <source>loop in–out</source>
        <translation>loop in–out</translation>
    </message>
    <message>
        <source>sync</source>
        <translation>sync</translation>
    </message>
    <message>
        <source>unsynced</source>
        <translation>unsynced</translation>
    </message>
    <message>
        <source>Video player</source>
        <translation>Video player</translation>
    </message>
</context>
<context>
    <name>vs::ui::PlayerTimeline</name>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
</context>
<context>
    <name>vs::ui::PreferenceAuditPanel</name>
    <message>
        <source>overall</source>
        <translation>overall</translation>
    </message>
    <message>
        <source>Preferences: model against people</source>
        <translation>Preferences: model against people</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Preferences: %1</source>
        <translation>Preferences: %1</translation>
    </message>
    <message>
        <source>Preferences: none yet. Compare a prompt&apos;s videos in preference mode (%1).</source>
        <translation>Preferences: none yet. Compare a prompt&apos;s videos in preference mode (%1).</translation>
    </message>
    <message>
        <source>Preferences: %1 pairs and %2 Best-of-N picks by people; model: %3</source>
        <translation>Preferences: %1 pairs and %2 Best-of-N picks by people; model: %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Model agrees with people, %1, ties counted</source>
        <translation>Model agrees with people, %1, ties counted</translation>
    </message>
    <message>
        <source>%1 of %2 pairs</source>
        <translation>%1 of %2 pairs</translation>
    </message>
    <message>
        <source>Model agrees with people, %1, without ties</source>
        <translation>Model agrees with people, %1, without ties</translation>
    </message>
    <message>
        <source>Agreement between people</source>
        <translation>Agreement between people</translation>
    </message>
    <message>
        <source>%1 judge pairs on %2 shared pairs</source>
        <translation>%1 judge pairs on %2 shared pairs</translation>
    </message>
    <message>
        <source>Agreement between people, without ties</source>
        <translation>Agreement between people, without ties</translation>
    </message>
    <message>
        <source>%1 judge pairs</source>
        <translation>%1 judge pairs</translation>
    </message>
    <message>
        <source>Position bias: left chosen (50 % = none)</source>
        <translation>Position bias: left chosen (50 % = none)</translation>
    </message>
    <message>
        <source>%1 left, %2 right, %3 ties shown in random order</source>
        <translation>%1 left, %2 right, %3 ties shown in random order</translation>
    </message>
    <message>
        <source>Best of N: model&apos;s pick is people&apos;s best</source>
        <translation>Best of N: model&apos;s pick is people&apos;s best</translation>
    </message>
    <message>
        <source>%1 picks</source>
        <translation>%1 picks</translation>
    </message>
    <message>
        <source>Best of N: a random pick would be</source>
        <translation>Best of N: a random pick would be</translation>
    </message>
    <message>
        <source>Best of N: regret (places the people&apos;s best sits below the model&apos;s pick)</source>
        <translation>Best of N: regret (places the people&apos;s best sits below the model&apos;s pick)</translation>
    </message>
    <message>
        <source>Best of N: model&apos;s pick is people&apos;s worst</source>
        <translation>Best of N: model&apos;s pick is people&apos;s worst</translation>
    </message>
</context>
<context>
    <name>vs::ui::PreferenceSession</name>
    <message>
        <source>Left is better</source>
        <translation>Left is better</translation>
    </message>
    <message>
        <source>Right is better</source>
        <translation>Right is better</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>Tie</translation>
    </message>
    <message numerus="yes">
        <source>Best of %n</source>
        <translation>
            <numerusform>Best of %n</numerusform>
            <numerusform>Best of %n</numerusform>
        </translation>
    </message>
    <message>
        <source>The worst must be another tile than the best.</source>
        <translation>The worst must be another tile than the best.</translation>
    </message>
    <message numerus="yes">
        <source>Worst of %n</source>
        <translation>
            <numerusform>Worst of %n</numerusform>
            <numerusform>Worst of %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vs::ui::PreferenceView</name>
    <message>
        <source>overall</source>
        <translation>overall</translation>
    </message>
    <message>
        <source>Candidates compared</source>
        <translation>Candidates compared</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Reason (optional), kept with the next choice</source>
        <translation>Reason (optional), kept with the next choice</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>Pairs</translation>
    </message>
    <message>
        <source>Best of N</source>
        <translation>Best of N</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Fewest comparisons</source>
        <translation>Fewest comparisons</translation>
    </message>
    <message>
        <source>All pairs</source>
        <translation>All pairs</translation>
    </message>
    <message>
        <source>Fewest comparisons: binary insertion, at most 5 judgements for 4 candidates and 21 for 9. All pairs: every pair once, for agreement studies.</source>
        <translation>Fewest comparisons: binary insertion, at most 5 judgements for 4 candidates and 21 for 9. All pairs: every pair once, for agreement studies.</translation>
    </message>
    <message>
        <source>Judged on</source>
        <translation>Judged on</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>Overall</translation>
    </message>
    <message>
        <source>Each dimension</source>
        <translation>Each dimension</translation>
    </message>
    <message>
        <source>Blind</source>
        <translation>Blind</translation>
    </message>
    <message>
        <source>Left/right and tile order drawn at random and recorded; names hidden</source>
        <translation>Left/right and tile order drawn at random and recorded; names hidden</translation>
    </message>
    <message>
        <source>Left is better</source>
        <translation>Left is better</translation>
    </message>
    <message>
        <source>Right is better</source>
        <translation>Right is better</translation>
    </message>
    <message>
        <source>Tie: equally good</source>
        <translation>Tie: equally good</translation>
    </message>
    <message>
        <source>Write the reason</source>
        <translation>Write the reason</translation>
    </message>
    <message>
        <source>Next prompt</source>
        <translation>Next prompt</translation>
    </message>
    <message>
        <source>Previous prompt</source>
        <translation>Previous prompt</translation>
    </message>
    <message>
        <source>Switch between pairs and Best of N</source>
        <translation>Switch between pairs and Best of N</translation>
    </message>
    <message>
        <source>Tile %1 is the best</source>
        <translation>Tile %1 is the best</translation>
    </message>
    <message>
        <source>Tile %1 is the worst</source>
        <translation>Tile %1 is the worst</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Could not read the preference options: %1</source>
        <translation>Could not read the preference options: %1</translation>
    </message>
    <message>
        <source>Every pair of this prompt is judged; %1 goes to the next prompt.</source>
        <translation>Every pair of this prompt is judged; %1 goes to the next prompt.</translation>
    </message>
    <message>
        <source>This is the last prompt.</source>
        <translation>This is the last prompt.</translation>
    </message>
    <message>
        <source>This is the first prompt.</source>
        <translation>This is the first prompt.</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>No prompt with two or more videos.</source>
        <translation>No prompt with two or more videos.</translation>
    </message>
    <message>
        <source>Open a project to compare its videos.</source>
        <translation>Open a project to compare its videos.</translation>
    </message>
    <message>
        <source>Prompt: %1</source>
        <translation>Prompt: %1</translation>
    </message>
    <message>
        <source>Which is better (%1)?   [%2] left · [%3] right · [%4] tie</source>
        <translation>Which is better (%1)?   [%2] left · [%3] right · [%4] tie</translation>
    </message>
    <message>
        <source>Comparison %1 of at most %2</source>
        <translation>Comparison %1 of at most %2</translation>
    </message>
    <message>
        <source>This prompt has fewer than two videos.</source>
        <translation>This prompt has fewer than two videos.</translation>
    </message>
    <message>
        <source>Ordered. %1 goes to the next prompt.</source>
        <translation>Ordered. %1 goes to the next prompt.</translation>
    </message>
    <message numerus="yes">
        <source>%n comparison(s) made</source>
        <translation>
            <numerusform>%n comparison made</numerusform>
            <numerusform>%n comparisons made</numerusform>
        </translation>
    </message>
    <message>
        <source>Order (%1): %2</source>
        <translation>Order (%1): %2</translation>
    </message>
    <message>
        <source>Pick the best of %1: %2 … %3; the worst (optional): %4 … %5</source>
        <translation>Pick the best of %1: %2 … %3; the worst (optional): %4 … %5</translation>
    </message>
    <message>
        <source>Best: tile %1</source>
        <translation>Best: tile %1</translation>
    </message>
    <message>
        <source>, worst: tile %1</source>
        <translation>, worst: tile %1</translation>
    </message>
    <message>
        <source>Worst: tile %1 (recorded with the best)</source>
        <translation>Worst: tile %1 (recorded with the best)</translation>
    </message>
    <message>
        <source>No pick yet</source>
        <translation>No pick yet</translation>
    </message>
    <message>
        <source>This prompt has %1 videos; the first %2 are shown.</source>
        <translation>This prompt has %1 videos; the first %2 are shown.</translation>
    </message>
    <message>
        <source>The project is read-only here.</source>
        <translation>The project is read-only here.</translation>
    </message>
</context>
<context>
    <name>vs::ui::ProjectDialogs</name>
    <message>
        <source>Open project</source>
        <translation>Open project</translation>
    </message>
    <message>
        <source>VideoScore projects (*.vsproj);;All files (*)</source>
        <translation>VideoScore projects (*.vsproj);;All files (*)</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>VideoScore projects (*.vsproj)</source>
        <translation>VideoScore projects (*.vsproj)</translation>
    </message>
    <message>
        <source>Open team project</source>
        <translation>Open team project</translation>
    </message>
    <message>
        <source>PostgreSQL URI of the project, e.g. postgresql://ana@db.lab.example/videos
(passwords come from PGPASSWORD, ~/.pgpass or a service file, never from here):</source>
        <translation>PostgreSQL URI of the project, e.g. postgresql://ana@db.lab.example/videos
(passwords come from PGPASSWORD, ~/.pgpass or a service file, never from here):</translation>
    </message>
    <message>
        <source>%1 is not a postgresql:// URI.</source>
        <translation>%1 is not a postgresql:// URI.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>vs::ui::ProjectExchange</name>
    <message numerus="yes">
        <source>Reading %n video(s)…</source>
        <translation>
            <numerusform>Reading %n video…</numerusform>
            <numerusform>Reading %n videos…</numerusform>
        </translation>
    </message>
    <message>
        <source>Add videos</source>
        <translation>Add videos</translation>
    </message>
    <message>
        <source>Nothing was added: %1</source>
        <translation>Nothing was added: %1</translation>
    </message>
    <message>
        <source>Adding videos cancelled; nothing was added.</source>
        <translation>Adding videos cancelled; nothing was added.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was added: %n file(s) cannot be used.</source>
        <translation>
            <numerusform>Nothing was added: %n file cannot be used.</numerusform>
            <numerusform>Nothing was added: %n files cannot be used.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 video(s) added, %2 updated.</source>
        <translation>%1 video(s) added, %2 updated.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <source>not a recognised format (choose one)</source>
        <translation>not a recognised format (choose one)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Nothing was imported: %1</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Import cancelled; nothing was imported.</translation>
    </message>
    <message>
        <source>%1 items imported (%2 evaluations new, %3 updated, %4 new videos).</source>
        <translation>%1 items imported (%2 evaluations new, %3 updated, %4 new videos).</translation>
    </message>
    <message>
        <source>Finding the videos was cancelled.</source>
        <translation>Finding the videos was cancelled.</translation>
    </message>
    <message>
        <source>Videos: %1 found, %2 missing.</source>
        <translation>Videos: %1 found, %2 missing.</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exporting to %1…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Not exported: %1</translation>
    </message>
    <message>
        <source>Export cancelled; no file written.</source>
        <translation>Export cancelled; no file written.</translation>
    </message>
    <message>
        <source>Exported %1 items to %2 (%3).</source>
        <translation>Exported %1 items to %2 (%3).</translation>
    </message>
    <message>
        <source>Looking for the missing videos…</source>
        <translation>Looking for the missing videos…</translation>
    </message>
    <message>
        <source>Relink missing videos</source>
        <translation>Relink missing videos</translation>
    </message>
    <message>
        <source>Relink cancelled; nothing changed.</source>
        <translation>Relink cancelled; nothing changed.</translation>
    </message>
    <message>
        <source>changed: %1</source>
        <translation>changed: %1</translation>
    </message>
    <message>
        <source>found: %1</source>
        <translation>found: %1</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>missing: %1</translation>
    </message>
    <message>
        <source>%1 found (%2 changed since they were added), %3 still missing, %4 already in place.</source>
        <translation>%1 found (%2 changed since they were added), %3 still missing, %4 already in place.</translation>
    </message>
</context>
<context>
    <name>vs::ui::QueueModel</name>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Prompt: %1, %2 of %3 scored</source>
        <translation>Prompt: %1, %2 of %3 scored</translation>
    </message>
    <message>
        <source>%1
Model soft scores: %2</source>
        <translation>%1
Model soft scores: %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>scored</source>
        <translation>scored</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>not scored</translation>
    </message>
    <message>
        <source>%1: video file missing — File › Relink missing videos…</source>
        <translation>%1: video file missing — File › Relink missing videos…</translation>
    </message>
    <message>
        <source>%1: the video file changed since it was added</source>
        <translation>%1: the video file changed since it was added</translation>
    </message>
    <message>
        <source>%1, %2, video file missing</source>
        <translation>%1, %2, video file missing</translation>
    </message>
</context>
<context>
    <name>vs::ui::QueuePanel</name>
    <message>
        <source>Search prompts and videos</source>
        <translation>Search prompts and videos</translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation>Search the queue</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>All items</translation>
    </message>
    <message>
        <source>Not yet scored by me</source>
        <translation>Not yet scored by me</translation>
    </message>
    <message>
        <source>Model only</source>
        <translation>Model only</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Flagged</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>Generator</translation>
    </message>
    <message>
        <source>Generator:</source>
        <translation>Generator:</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>Batch:</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation>Annotator:</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>Sort order</translation>
    </message>
    <message>
        <source>Queue order</source>
        <translation>Queue order</translation>
    </message>
    <message>
        <source>Disagreement first</source>
        <translation>Disagreement first</translation>
    </message>
    <message>
        <source>Least confident first</source>
        <translation>Least confident first</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>Sort:</translation>
    </message>
    <message>
        <source>Work queue</source>
        <translation>Work queue</translation>
    </message>
    <message>
        <source>%1 done · %2 remaining</source>
        <translation>%1 done · %2 remaining</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Anyone</translation>
    </message>
    <message>
        <source>%1 — show all</source>
        <translation>%1 — show all</translation>
    </message>
</context>
<context>
    <name>vs::ui::RefusedEditsDialog</name>
    <message>
        <source>Edits the server refused</source>
        <translation>Edits the server refused</translation>
    </message>
    <message>
        <source>The server refused these edits after they waited on this computer. They are kept here; copy them to enter them again or to send them on.</source>
        <translation>The server refused these edits after they waited on this computer. They are kept here; copy them to enter them again or to send them on.</translation>
    </message>
    <message>
        <source>Refused edits</source>
        <translation>Refused edits</translation>
    </message>
    <message>
        <source>&amp;Copy as text</source>
        <translation>&amp;Copy as text</translation>
    </message>
    <message>
        <source>Put the rows on the clipboard, separated by tabs</source>
        <translation>Put the rows on the clipboard, separated by tabs</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>When (UTC)</translation>
    </message>
    <message>
        <source>Video or choice</source>
        <translation>Video or choice</translation>
    </message>
    <message>
        <source>What was typed</source>
        <translation>What was typed</translation>
    </message>
    <message>
        <source>Server&apos;s reason</source>
        <translation>Server&apos;s reason</translation>
    </message>
    <message>
        <source>video #%1</source>
        <translation>video #%1</translation>
    </message>
    <message>
        <source>prompt #%1</source>
        <translation>prompt #%1</translation>
    </message>
    <message>
        <source>%1 / %2 (%3)</source>
        <comment>left video, right video, dimension</comment>
        <translation>%1 / %2 (%3)</translation>
    </message>
    <message>
        <source>Best of N: %1</source>
        <translation>Best of N: %1</translation>
    </message>
    <message>
        <source>(cleared)</source>
        <comment>a score set to none</comment>
        <translation>(cleared)</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(removed)</translation>
    </message>
    <message>
        <source>(none)</source>
        <comment>no flags</comment>
        <translation>(none)</translation>
    </message>
    <message>
        <source>choice: %1</source>
        <translation>choice: %1</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>reason: %1</translation>
    </message>
    <message>
        <source>best: %1</source>
        <translation>best: %1</translation>
    </message>
    <message>
        <source>worst: %1</source>
        <translation>worst: %1</translation>
    </message>
    <message>
        <source>choice withdrawn</source>
        <translation>choice withdrawn</translation>
    </message>
    <message>
        <source>pick withdrawn</source>
        <translation>pick withdrawn</translation>
    </message>
</context>
<context>
    <name>vs::ui::RubricDialog</name>
    <message>
        <source>Project rubric</source>
        <translation>Project rubric</translation>
    </message>
    <message>
        <source>Definition:</source>
        <translation>Definition:</translation>
    </message>
    <message>
        <source>%1 definition</source>
        <translation>%1 definition</translation>
    </message>
    <message>
        <source>What each score means (one line per score, 1 to 5):</source>
        <translation>What each score means (one line per score, 1 to 5):</translation>
    </message>
    <message>
        <source>%1 score meanings</source>
        <translation>%1 score meanings</translation>
    </message>
</context>
<context>
    <name>vs::ui::ScoreControl</name>
    <message>
        <source>%1 score</source>
        <translation>%1 score</translation>
    </message>
    <message>
        <source>Press 1 to 5 to score, Delete to clear.</source>
        <translation>Press 1 to 5 to score, Delete to clear.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>model %1 (%2)</source>
        <translation>model %1 (%2)</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>model %1</translation>
    </message>
</context>
<context>
    <name>vs::ui::ScorePanel</name>
    <message>
        <source>your own scores</source>
        <translation>your own scores</translation>
    </message>
    <message>
        <source>model</source>
        <translation>model</translation>
    </message>
    <message>
        <source>model scores accepted</source>
        <translation>model scores accepted</translation>
    </message>
    <message>
        <source>model scores edited</source>
        <translation>model scores edited</translation>
    </message>
    <message>
        <source>Score panel</source>
        <translation>Score panel</translation>
    </message>
    <message>
        <source>Why this score? (optional)</source>
        <translation>Why this score? (optional)</translation>
    </message>
    <message>
        <source>%1 rationale</source>
        <translation>%1 rationale</translation>
    </message>
    <message>
        <source>Accept model scores</source>
        <translation>Accept model scores</translation>
    </message>
    <message>
        <source>Overall reasoning</source>
        <translation>Overall reasoning</translation>
    </message>
    <message>
        <source>Blind mode: the model&apos;s output and the generator are hidden until you have scored all three dimensions.</source>
        <translation>Blind mode: the model&apos;s output and the generator are hidden until you have scored all three dimensions.</translation>
    </message>
    <message>
        <source>Model reasoning</source>
        <translation>Model reasoning</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Broken video</source>
        <translation>Broken video</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <source>Note for the flag</source>
        <translation>Note for the flag</translation>
    </message>
    <message>
        <source>Flag note</source>
        <translation>Flag note</translation>
    </message>
    <message>
        <source>No item selected.</source>
        <translation>No item selected.</translation>
    </message>
    <message>
        <source>Origin: %1 · time on item %2</source>
        <translation>Origin: %1 · time on item %2</translation>
    </message>
    <message>
        <source>Not scored yet · time on item %1</source>
        <translation>Not scored yet · time on item %1</translation>
    </message>
    <message>
        <source>generator %1</source>
        <translation>generator %1</translation>
    </message>
    <message>
        <source>Model result hidden.</source>
        <translation>Model result hidden.</translation>
    </message>
    <message>
        <source>No model result yet.</source>
        <translation>No model result yet.</translation>
    </message>
    <message>
        <source>Model %1 · soft scores %2</source>
        <translation>Model %1 · soft scores %2</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unnamed)</translation>
    </message>
</context>
<context>
    <name>vs::ui::ScoringController</name>
    <message>
        <source>Worker: no model folder chosen (Settings › Scoring)</source>
        <translation>Worker: no model folder chosen (Settings › Scoring)</translation>
    </message>
    <message>
        <source>Worker: starting · model %1 · %2</source>
        <translation>Worker: starting · model %1 · %2</translation>
    </message>
    <message>
        <source>Worker: ready</source>
        <translation>Worker: ready</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>model %1</translation>
    </message>
    <message>
        <source>device %1</source>
        <translation>device %1</translation>
    </message>
    <message>
        <source>memory %1 MB</source>
        <translation>memory %1 MB</translation>
    </message>
    <message>
        <source>Worker: restarted after a crash (%1 so far)</source>
        <translation>Worker: restarted after a crash (%1 so far)</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>attempt %1</translation>
    </message>
    <message>
        <source>no score lines</source>
        <translation>no score lines</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>loading</translation>
    </message>
    <message>
        <source>reading frames</source>
        <translation>reading frames</translation>
    </message>
    <message>
        <source>reading the prompt</source>
        <translation>reading the prompt</translation>
    </message>
    <message>
        <source>finishing</source>
        <translation>finishing</translation>
    </message>
    <message>
        <source>generating</source>
        <translation>generating</translation>
    </message>
    <message>
        <source>Servers: %1</source>
        <translation>Servers: %1</translation>
    </message>
    <message>
        <source>%1 up (%2 done)</source>
        <translation>%1 up (%2 done)</translation>
    </message>
    <message>
        <source>%1 out: %2</source>
        <translation>%1 out: %2</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 failed: %2</translation>
    </message>
    <message>
        <source>attempt %1, after %2</source>
        <translation>attempt %1, after %2</translation>
    </message>
</context>
<context>
    <name>vs::ui::ScoringServers</name>
    <message>
        <source>“%1” is not an http(s) URL</source>
        <translation>“%1” is not an http(s) URL</translation>
    </message>
    <message>
        <source>%1: concurrency must be at least 1</source>
        <translation>%1: concurrency must be at least 1</translation>
    </message>
    <message>
        <source>%1: the environment variable %2 (API key) is empty or not set</source>
        <translation>%1: the environment variable %2 (API key) is empty or not set</translation>
    </message>
    <message>
        <source>no server is listed (Settings › Scoring)</source>
        <translation>no server is listed (Settings › Scoring)</translation>
    </message>
</context>
<context>
    <name>vs::ui::ServerListEditor</name>
    <message>
        <source>Scoring servers</source>
        <translation>Scoring servers</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Served model</source>
        <translation>Served model</translation>
    </message>
    <message>
        <source>API key variable</source>
        <translation>API key variable</translation>
    </message>
    <message>
        <source>Requests at once</source>
        <translation>Requests at once</translation>
    </message>
    <message>
        <source>An OpenAI-compatible server (vLLM, vscore serve): its base URL such as http://gpu-box:8000; the model name it serves (empty: the only one it lists); the name of the environment variable that holds its API key (the key is never stored)</source>
        <translation>An OpenAI-compatible server (vLLM, vscore serve): its base URL such as http://gpu-box:8000; the model name it serves (empty: the only one it lists); the name of the environment variable that holds its API key (the key is never stored)</translation>
    </message>
    <message>
        <source>&amp;Add server</source>
        <translation>&amp;Add server</translation>
    </message>
    <message>
        <source>Add a scoring server</source>
        <translation>Add a scoring server</translation>
    </message>
    <message>
        <source>Re&amp;move server</source>
        <translation>Re&amp;move server</translation>
    </message>
    <message>
        <source>Remove the selected scoring server</source>
        <translation>Remove the selected scoring server</translation>
    </message>
    <message>
        <source>Requests in flight on this server</source>
        <translation>Requests in flight on this server</translation>
    </message>
</context>
<context>
    <name>vs::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Shortcut map</source>
        <translation>Shortcut map</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Shortcut</translation>
    </message>
    <message>
        <source>Shortcut for %1</source>
        <translation>Shortcut for %1</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Shortcuts</translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation>Model folder</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Model folder:</source>
        <translation>Model folder:</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Device:</translation>
    </message>
    <message>
        <source>Prompt template:</source>
        <translation>Prompt template:</translation>
    </message>
    <message>
        <source>Constrain score lines to the digits 1–5</source>
        <translation>Constrain score lines to the digits 1–5</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <source>%1 is used by both “%2” and “%3”.</source>
        <translation>%1 is used by both “%2” and “%3”.</translation>
    </message>
    <message>
        <source>Prompt template</source>
        <translation>Prompt template</translation>
    </message>
    <message>
        <source>A shipped preset (videoscore2: the release template, the default; videoscore2-eval: the evaluation script&apos;s), a template saved in the project, or a template file</source>
        <translation>A shipped preset (videoscore2: the release template, the default; videoscore2-eval: the evaluation script&apos;s), a template saved in the project, or a template file</translation>
    </message>
    <message>
        <source>Where scoring runs</source>
        <translation>Where scoring runs</translation>
    </message>
    <message>
        <source>This computer (local worker)</source>
        <translation>This computer (local worker)</translation>
    </message>
    <message>
        <source>Servers (vLLM or vscore serve)</source>
        <translation>Servers (vLLM or vscore serve)</translation>
    </message>
    <message>
        <source>&amp;Run scoring on:</source>
        <translation>&amp;Run scoring on:</translation>
    </message>
    <message>
        <source>With servers, the model folder is optional: its tokenizer lets each reply&apos;s prompt length be checked. API keys are read from the environment variables named here and never stored.</source>
        <translation>With servers, the model folder is optional: its tokenizer lets each reply&apos;s prompt length be checked. API keys are read from the environment variables named here and never stored.</translation>
    </message>
    <message>
        <source>Add at least one server, or run scoring on this computer.</source>
        <translation>Add at least one server, or run scoring on this computer.</translation>
    </message>
</context>
<context>
    <name>vs::ui::TeamLease</name>
    <message>
        <source>Your lease on this video has expired; another person may be given it.</source>
        <translation>Your lease on this video has expired; another person may be given it.</translation>
    </message>
    <message>
        <source>Lease not renewed: %1</source>
        <translation>Lease not renewed: %1</translation>
    </message>
</context>
<context>
    <name>vs::ui::TeamWatch</name>
    <message>
        <source>Connected to the team project again; showing everyone&apos;s latest work.</source>
        <translation>Connected to the team project again; showing everyone&apos;s latest work.</translation>
    </message>
    <message>
        <source>Offline: the team project&apos;s server cannot be reached (retrying).</source>
        <translation>Offline: the team project&apos;s server cannot be reached (retrying).</translation>
    </message>
</context>
<context>
    <name>vs::ui::VersionConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Changed by someone else</translation>
    </message>
    <message>
        <source>%1 was changed by someone else while you were editing it. Nothing has been saved yet: choose which version to keep.</source>
        <translation>%1 was changed by someone else while you were editing it. Nothing has been saved yet: choose which version to keep.</translation>
    </message>
    <message>
        <source>Their version</source>
        <translation>Their version</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Your version</translation>
    </message>
    <message>
        <source>&amp;Their version:</source>
        <translation>&amp;Their version:</translation>
    </message>
    <message>
        <source>&amp;Your version:</source>
        <translation>&amp;Your version:</translation>
    </message>
    <message>
        <source>&amp;Use theirs</source>
        <translation>&amp;Use theirs</translation>
    </message>
    <message>
        <source>Drop your changes and keep their version</source>
        <translation>Drop your changes and keep their version</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Keep mine</translation>
    </message>
    <message>
        <source>Save your version on top of theirs</source>
        <translation>Save your version on top of theirs</translation>
    </message>
    <message>
        <source>&amp;Back to editing</source>
        <translation>&amp;Back to editing</translation>
    </message>
</context>
</TS>
