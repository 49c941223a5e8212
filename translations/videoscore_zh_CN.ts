<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Dimension</name>
    <message>
        <source>Visual quality</source>
        <translation>视觉质量</translation>
    </message>
    <message>
        <source>Text-to-video alignment</source>
        <translation>文本-视频一致性</translation>
    </message>
    <message>
        <source>Physical / common-sense consistency</source>
        <translation>物理/常识一致性</translation>
    </message>
</context>
<context>
    <name>ModelView</name>
    <message>
        <source>random-weight demo model — not a real judgement</source>
        <translation>随机权重的演示模型 — 并非真实评判</translation>
    </message>
</context>
<context>
    <name>PlayerActions</name>
    <message>
        <source>Play / pause</source>
        <translation>播放/暂停</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>下一帧</translation>
    </message>
    <message>
        <source>Previous frame</source>
        <translation>上一帧</translation>
    </message>
    <message>
        <source>Forward one second</source>
        <translation>前进一秒</translation>
    </message>
    <message>
        <source>Back one second</source>
        <translation>后退一秒</translation>
    </message>
    <message>
        <source>Go to start</source>
        <translation>转到开头</translation>
    </message>
    <message>
        <source>Go to end</source>
        <translation>转到结尾</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>减速</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>加速</translation>
    </message>
    <message>
        <source>Loop: off / whole / in-out</source>
        <translation>循环：关闭/全部/入点-出点</translation>
    </message>
    <message>
        <source>Set loop in point</source>
        <translation>设置循环入点</translation>
    </message>
    <message>
        <source>Set loop out point</source>
        <translation>设置循环出点</translation>
    </message>
    <message>
        <source>Zoom to fit</source>
        <translation>缩放以适应</translation>
    </message>
    <message>
        <source>Zoom 1:1</source>
        <translation>缩放 1:1</translation>
    </message>
    <message>
        <source>Difference A−B</source>
        <translation>差异 A−B</translation>
    </message>
    <message>
        <source>Wipe A|B</source>
        <translation>划像 A|B</translation>
    </message>
    <message>
        <source>Toggle A/B</source>
        <translation>切换 A/B</translation>
    </message>
    <message>
        <source>Focused clip alone</source>
        <translation>仅显示焦点片段</translation>
    </message>
    <message>
        <source>Sync clips</source>
        <translation>同步片段</translation>
    </message>
    <message>
        <source>Focus next clip</source>
        <translation>聚焦下一个片段</translation>
    </message>
    <message>
        <source>Focused clip one frame later</source>
        <translation>焦点片段延后一帧</translation>
    </message>
    <message>
        <source>Focused clip one frame earlier</source>
        <translation>焦点片段提前一帧</translation>
    </message>
    <message>
        <source>Save frames as PNG</source>
        <translation>将帧保存为 PNG</translation>
    </message>
    <message>
        <source>Mute the focused clip</source>
        <translation>焦点片段静音</translation>
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
        <translation>CSV（VideoFeedback2 列）</translation>
    </message>
    <message>
        <source>VideoScore2 predictions</source>
        <translation>VideoScore2 预测结果</translation>
    </message>
    <message>
        <source>SFT conversations (fine-tuning)</source>
        <translation>SFT 对话（微调用）</translation>
    </message>
    <message>
        <source>Label Studio tasks</source>
        <translation>Label Studio 任务</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>Rubric</name>
    <message>
        <source>How the video looks on its own: sharpness, resolution, colour, stable structure, no artifacts, flicker or distortion.</source>
        <translation>视频本身的观感：清晰度、分辨率、色彩、结构稳定，无伪影、闪烁或变形。</translation>
    </message>
    <message>
        <source>1 – Very poor: heavy artifacts, blur or distortion throughout</source>
        <translation>1 – 很差：全程严重伪影、模糊或变形</translation>
    </message>
    <message>
        <source>2 – Relatively poor: clear artifacts or blur in large parts</source>
        <translation>2 – 较差：大部分画面有明显伪影或模糊</translation>
    </message>
    <message>
        <source>3 – Medium: acceptable, with noticeable flaws</source>
        <translation>3 – 一般：可以接受，但有明显缺陷</translation>
    </message>
    <message>
        <source>4 – Relatively good: minor flaws only</source>
        <translation>4 – 较好：只有轻微缺陷</translation>
    </message>
    <message>
        <source>5 – Very good: clean, sharp and stable</source>
        <translation>5 – 很好：干净、清晰、稳定</translation>
    </message>
    <message>
        <source>How well the video matches the prompt: subjects, attributes, actions, count, scene and style.</source>
        <translation>视频与提示词的符合程度：主体、属性、动作、数量、场景和风格。</translation>
    </message>
    <message>
        <source>1 – Very poor: unrelated to the prompt</source>
        <translation>1 – 很差：与提示词无关</translation>
    </message>
    <message>
        <source>2 – Relatively poor: most elements missing or wrong</source>
        <translation>2 – 较差：大部分元素缺失或错误</translation>
    </message>
    <message>
        <source>3 – Medium: main subject present, several details wrong</source>
        <translation>3 – 一般：主体存在，但若干细节错误</translation>
    </message>
    <message>
        <source>4 – Relatively good: small details missing</source>
        <translation>4 – 较好：缺少少量细节</translation>
    </message>
    <message>
        <source>5 – Very good: everything in the prompt is shown</source>
        <translation>5 – 很好：提示词中的内容全部呈现</translation>
    </message>
    <message>
        <source>Whether the video obeys physics and common sense: motion, gravity, contact, object permanence, anatomy.</source>
        <translation>视频是否符合物理规律和常识：运动、重力、接触、物体恒存性、人体结构。</translation>
    </message>
    <message>
        <source>1 – Very poor: impossible events throughout</source>
        <translation>1 – 很差：全程出现不可能发生的事件</translation>
    </message>
    <message>
        <source>2 – Relatively poor: frequent violations</source>
        <translation>2 – 较差：频繁违反常理</translation>
    </message>
    <message>
        <source>3 – Medium: some implausible moments</source>
        <translation>3 – 一般：部分时刻不合理</translation>
    </message>
    <message>
        <source>4 – Relatively good: rare, small violations</source>
        <translation>4 – 较好：偶有轻微违反</translation>
    </message>
    <message>
        <source>5 – Very good: fully plausible</source>
        <translation>5 – 很好：完全合理</translation>
    </message>
</context>
<context>
    <name>vs::ui</name>
    <message>
        <source>Project rubric</source>
        <translation>项目评分细则</translation>
    </message>
    <message>
        <source>Cannot read the rubric: %1</source>
        <translation>无法读取评分细则：%1</translation>
    </message>
    <message>
        <source>The project rubric</source>
        <translation>项目评分细则</translation>
    </message>
    <message>
        <source>The rubric was not saved: %1
Your text is kept in the editor.</source>
        <translation>评分细则未保存：%1
您的文本仍保留在编辑器中。</translation>
    </message>
</context>
<context>
    <name>vs::ui::AddVideosDialog</name>
    <message>
        <source>one prompt for all</source>
        <translation>所有视频共用一个提示词</translation>
    </message>
    <message>
        <source>mapping file</source>
        <translation>映射文件</translation>
    </message>
    <message>
        <source>Add videos</source>
        <translation>添加视频</translation>
    </message>
    <message>
        <source>Files and folders to add</source>
        <translation>要添加的文件和文件夹</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>添加文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Videos (%1);;All files (*)</source>
        <translation>视频 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Add video files</source>
        <translation>添加视频文件</translation>
    </message>
    <message>
        <source>Add a folder of videos</source>
        <translation>添加视频文件夹</translation>
    </message>
    <message>
        <source>Include sub-folders</source>
        <translation>包含子文件夹</translation>
    </message>
    <message>
        <source>From a text file beside each clip (clip.txt or prompt.txt)</source>
        <translation>取自每个片段旁的文本文件（clip.txt 或 prompt.txt）</translation>
    </message>
    <message>
        <source>One prompt for all:</source>
        <translation>所有视频共用一个提示词：</translation>
    </message>
    <message>
        <source>Prompt for every clip</source>
        <translation>每个片段的提示词</translation>
    </message>
    <message>
        <source>From a mapping file:</source>
        <translation>取自映射文件：</translation>
    </message>
    <message>
        <source>Prompt mapping file</source>
        <translation>提示词映射文件</translation>
    </message>
    <message>
        <source>JSON, CSV or VideoFeedback2 file: video_name → prompt</source>
        <translation>JSON、CSV 或 VideoFeedback2 文件：video_name → 提示词</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Add clips no prompt was found for</source>
        <translation>也添加未找到提示词的片段</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>提示词：</translation>
    </message>
    <message>
        <source>Mapping files (*.json *.jsonl *.csv);;All files (*)</source>
        <translation>映射文件 (*.json *.jsonl *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>生成器</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Parent folder&apos;s name (generator/clip.mp4)</source>
        <translation>上级文件夹名（生成器/片段.mp4）</translation>
    </message>
    <message>
        <source>File name (prompt/generator.mp4)</source>
        <translation>文件名（提示词/生成器.mp4）</translation>
    </message>
    <message>
        <source>The same for all:</source>
        <translation>全部相同：</translation>
    </message>
    <message>
        <source>Generator name</source>
        <translation>生成器名称</translation>
    </message>
    <message>
        <source>&amp;Generator:</source>
        <translation>生成器(&amp;G)：</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>&amp;Batch:</source>
        <translation>批次(&amp;B)：</translation>
    </message>
    <message>
        <source>Preview — nothing is written until you add them:</source>
        <translation>预览 — 在您确认添加之前不会写入任何内容：</translation>
    </message>
    <message>
        <source>Videos that would be added</source>
        <translation>将被添加的视频</translation>
    </message>
    <message>
        <source>Video name</source>
        <translation>视频名称</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Prompt from</source>
        <translation>提示词来源</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>choose the prompt mapping file</source>
        <translation>请选择提示词映射文件</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) to add.</source>
        <translation>
            <numerusform>将添加 %n 个视频。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) found; fix the problems above to add them.</source>
        <translation>
            <numerusform>找到 %n 个视频；请先解决上面的问题再添加。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Add %n video(s)</source>
        <translation>
            <numerusform>添加 %n 个视频(&amp;A)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vs::ui::AnnotationSession</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 cleared</source>
        <translation>%1 已清除</translation>
    </message>
    <message>
        <source>Accept model scores</source>
        <translation>采纳模型评分</translation>
    </message>
    <message>
        <source>Change flags</source>
        <translation>更改标记</translation>
    </message>
    <message>
        <source>Overall reasoning</source>
        <translation>总体推理</translation>
    </message>
    <message>
        <source>Rationale: %1</source>
        <translation>理由：%1</translation>
    </message>
</context>
<context>
    <name>vs::ui::AuditView</name>
    <message>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Dimension:</source>
        <translation>维度：</translation>
    </message>
    <message>
        <source>Confusion matrix: person scores in rows, model scores in columns</source>
        <translation>混淆矩阵：行为人工评分，列为模型评分</translation>
    </message>
    <message>
        <source>Rows: people · columns: model. Click a cell to list its items in the queue.</source>
        <translation>行：人工 · 列：模型。点击单元格可在队列中列出这些条目。</translation>
    </message>
    <message>
        <source>%1: person %2, model %3</source>
        <translation>%1：人工 %2，模型 %3</translation>
    </message>
    <message>
        <source>Person (rows) vs model (columns)</source>
        <translation>人工（行）对比模型（列）</translation>
    </message>
    <message>
        <source>Agreement between model and people</source>
        <translation>模型与人工的一致性</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>条目数</translation>
    </message>
    <message>
        <source>Exact %</source>
        <translation>完全一致 %</translation>
    </message>
    <message>
        <source>±1 %</source>
        <translation>相差≤1 %</translation>
    </message>
    <message>
        <source>%1 items with both a person&apos;s and the model&apos;s score</source>
        <translation>%1 个条目同时有人工评分和模型评分</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人工</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Score histogram</source>
        <translation>评分直方图</translation>
    </message>
    <message>
        <source>Model soft score</source>
        <translation>模型软评分</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人工</translation>
    </message>
    <message>
        <source>Soft score vs person</source>
        <translation>软评分对比人工评分</translation>
    </message>
    <message>
        <source>Mean score per generator</source>
        <translation>各生成器平均分</translation>
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
        <translation>数值及其自助法 95% 置信区间（%1 次重采样）</translation>
    </message>
</context>
<context>
    <name>vs::ui::CheatSheetOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Press any key to close.</source>
        <translation>按任意键关闭。</translation>
    </message>
</context>
<context>
    <name>vs::ui::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <source>File to write</source>
        <translation>要写入的文件</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>*.%1 files (*.%1);;All files (*)</source>
        <translation>*.%1 文件 (*.%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>&amp;Annotator:</source>
        <translation>标注员(&amp;A)：</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>O&amp;rigin:</source>
        <translation>来源(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Model (predictions):</source>
        <translation>模型（预测结果）(&amp;M)：</translation>
    </message>
    <message>
        <source>the VideoScore2 instruction; $t2v_prompt is the prompt</source>
        <translation>VideoScore2 指令；$t2v_prompt 代表提示词</translation>
    </message>
    <message>
        <source>&amp;Instruction (SFT):</source>
        <translation>指令（SFT）(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>The project has no model results to export as predictions.</source>
        <translation>该项目没有可导出为预测结果的模型结果。</translation>
    </message>
</context>
<context>
    <name>vs::ui::FrameSource</name>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>vs::ui::ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Exchange files (*.json *.jsonl *.csv);;All files (*)</source>
        <translation>交换文件 (*.json *.jsonl *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Detect from the file</source>
        <translation>根据文件自动识别</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>&amp;Annotator (who gave the scores):</source>
        <translation>标注员（给出分数的人）(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Model (prediction files):</source>
        <translation>模型（预测文件）(&amp;M)：</translation>
    </message>
    <message>
        <source>Folder with the items&apos; videos</source>
        <translation>条目视频所在的文件夹</translation>
    </message>
    <message>
        <source>optional: where the items&apos; video files are</source>
        <translation>可选：条目视频文件所在的位置</translation>
    </message>
    <message>
        <source>&amp;Videos folder:</source>
        <translation>视频文件夹(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
</context>
<context>
    <name>vs::ui::JobsDock</name>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Worker: not started</source>
        <translation>工作进程：未启动</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the selected job</source>
        <translation>取消所选任务</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Retry the selected job</source>
        <translation>重试所选任务</translation>
    </message>
    <message>
        <source>Scoring jobs</source>
        <translation>评分任务</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Reasoning of the selected job</source>
        <translation>所选任务的推理过程</translation>
    </message>
    <message>
        <source>The model&apos;s reasoning appears here as it is generated.</source>
        <translation>模型生成推理时会实时显示在这里。</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>服务方</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
</context>
<context>
    <name>vs::ui::MainWindow</name>
    <message>
        <source>Not refreshed: %1</source>
        <translation>未刷新：%1</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <source>Add videos…</source>
        <translation>添加视频…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Relink missing videos…</source>
        <translation>重新链接缺失的视频…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Video player</source>
        <translation>视频播放器</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>评判</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Edit history</source>
        <translation>编辑历史</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;已打开&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Player</source>
        <translation>播放器</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Score %1 for the current dimension</source>
        <translation>当前维度打 %1 分</translation>
    </message>
    <message>
        <source>Clear the current dimension</source>
        <translation>清除当前维度</translation>
    </message>
    <message>
        <source>Go to visual quality</source>
        <translation>转到视觉质量</translation>
    </message>
    <message>
        <source>Go to text-to-video alignment</source>
        <translation>转到文本-视频一致性</translation>
    </message>
    <message>
        <source>Go to physical consistency</source>
        <translation>转到物理一致性</translation>
    </message>
    <message>
        <source>Accept the model&apos;s scores</source>
        <translation>采纳模型评分</translation>
    </message>
    <message>
        <source>Write the rationale of the current dimension</source>
        <translation>填写当前维度的理由</translation>
    </message>
    <message>
        <source>Write the overall reasoning</source>
        <translation>填写总体推理</translation>
    </message>
    <message>
        <source>Leave the text field</source>
        <translation>离开文本框</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Flag: skip</source>
        <translation>标记：跳过</translation>
    </message>
    <message>
        <source>Flag: broken video</source>
        <translation>标记：视频损坏</translation>
    </message>
    <message>
        <source>Flag: needs review</source>
        <translation>标记：需要复核</translation>
    </message>
    <message>
        <source>Write the flag note</source>
        <translation>填写标记备注</translation>
    </message>
    <message>
        <source>Next unscored item</source>
        <translation>下一个未评分条目</translation>
    </message>
    <message>
        <source>Previous unscored item</source>
        <translation>上一个未评分条目</translation>
    </message>
    <message>
        <source>Next item</source>
        <translation>下一个条目</translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation>上一个条目</translation>
    </message>
    <message>
        <source>Go to the queue</source>
        <translation>转到队列</translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation>搜索队列</translation>
    </message>
    <message>
        <source>Blind mode</source>
        <translation>盲评模式</translation>
    </message>
    <message>
        <source>Show keyboard shortcuts</source>
        <translation>显示键盘快捷键</translation>
    </message>
    <message>
        <source>Judge tab</source>
        <translation>评判标签页</translation>
    </message>
    <message>
        <source>Audit tab</source>
        <translation>审核标签页</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <source>Open team project…</source>
        <translation>打开团队项目…</translation>
    </message>
    <message>
        <source>No video leased: %1</source>
        <translation>未能租用视频：%1</translation>
    </message>
    <message>
        <source>Nothing left to judge for you on this project.</source>
        <translation>此项目中已没有需要您评判的视频。</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Score unscored items with the model</source>
        <translation>用模型为未评分条目评分</translation>
    </message>
    <message>
        <source>Score this item with the model again</source>
        <translation>用模型重新为此条目评分</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Project already open</source>
        <translation>项目已打开</translation>
    </message>
    <message>
        <source>%1 is open in another window (process %2 on %3).

Open it read-only here?</source>
        <translation>%1 已在另一个窗口中打开（%3 上的进程 %2）。

是否在此以只读方式打开？</translation>
    </message>
    <message>
        <source>Read-only: the project is open in process %1 on %2.</source>
        <translation>只读：该项目已在 %2 上的进程 %1 中打开。</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>%1 of %2 scored</source>
        <translation>已评分 %1 / %2</translation>
    </message>
    <message>
        <source>VideoScore Studio</source>
        <translation>VideoScore Studio</translation>
    </message>
    <message>
        <source>[read-only]</source>
        <translation>[只读]</translation>
    </message>
    <message>
        <source>[blind]</source>
        <translation>[盲评]</translation>
    </message>
    <message>
        <source>Edit the project rubric…</source>
        <translation>编辑项目评分细则…</translation>
    </message>
    <message>
        <source>Prefer</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>偏好</translation>
    </message>
    <message>
        <source>Preference mode</source>
        <translation>偏好模式</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>%1 already exists; choose another name.</source>
        <translation>%1 已存在；请换一个名称。</translation>
    </message>
    <message>
        <source>New project: add your videos with File › Add videos… or by dropping them here.</source>
        <translation>新项目：请通过“文件 › 添加视频…”或将视频拖放到此处来添加视频。</translation>
    </message>
    <message>
        <source>The project is read-only here.</source>
        <translation>该项目在此为只读。</translation>
    </message>
    <message>
        <source>Open or create a project first.</source>
        <translation>请先打开或新建一个项目。</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>请先打开一个项目。</translation>
    </message>
    <message>
        <source>Folder with the missing videos</source>
        <translation>缺失视频所在的文件夹</translation>
    </message>
    <message>
        <source>Edits the server refused…</source>
        <translation>服务器拒绝的编辑…</translation>
    </message>
    <message>
        <source>The server has refused none of your edits.</source>
        <translation>服务器没有拒绝您的任何编辑。</translation>
    </message>
</context>
<context>
    <name>vs::ui::ModelScoring</name>
    <message>
        <source>Prompt template: %1</source>
        <translation>提示词模板：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) queued for the model.</source>
        <translation>
            <numerusform>已为模型排队 %n 个条目。</numerusform>
        </translation>
    </message>
    <message>
        <source>Worker: writing the demo model…</source>
        <translation>工作进程：正在写入演示模型…</translation>
    </message>
    <message>
        <source>Worker: cannot write the demo model: %1</source>
        <translation>工作进程：无法写入演示模型：%1</translation>
    </message>
    <message>
        <source>Worker: cannot run vscore to write the demo model</source>
        <translation>工作进程：无法运行 vscore 来写入演示模型</translation>
    </message>
</context>
<context>
    <name>vs::ui::OfflineEdits</name>
    <message>
        <source>Edits the server could not take yet are kept in %1</source>
        <translation>服务器暂时无法接收的编辑保存在 %1</translation>
    </message>
    <message numerus="yes">
        <source>Offline — %n edit(s) kept on this computer</source>
        <translation>
            <numerusform>离线 — 本机已保存 %n 项编辑</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending %n kept edit(s)…</source>
        <translation>
            <numerusform>正在发送本机保存的 %n 项编辑…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edit(s) kept on this computer; the server cannot take them yet (retrying): %1</source>
        <translation>
            <numerusform>本机已保存 %n 项编辑；服务器暂时无法接收（正在重试）：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>All edits sent</source>
        <translation>所有编辑均已发送</translation>
    </message>
    <message numerus="yes">
        <source>All edits sent but %n the server refused; they are kept aside on this computer (File › Edits the server refused…): %1</source>
        <translation>
            <numerusform>所有编辑均已发送，但服务器拒绝了 %n 项；它们已另存于本机（文件 › 服务器拒绝的编辑…）：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vs::ui::PlayerGrid</name>
    <message>
        <source>missing: %1 — Relink…</source>
        <translation>缺失：%1 — 重新链接…</translation>
    </message>
    <message>
        <source>Clip %1</source>
        <translation>片段 %1</translation>
    </message>
    <message>
        <source>loop off</source>
        <translation>循环关闭</translation>
    </message>
    <message>
        <source>loop all</source>
        <translation>全部循环</translation>
    </message>
    <message>
        <source>loop in–out</source>
        <translation>入点-出点循环</translation>
    </message>
    <message>
        <source>sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>unsynced</source>
        <translation>未同步</translation>
    </message>
    <message>
        <source>Video player</source>
        <translation>视频播放器</translation>
    </message>
</context>
<context>
    <name>vs::ui::PlayerTimeline</name>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
</context>
<context>
    <name>vs::ui::PreferenceAuditPanel</name>
    <message>
        <source>overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <source>Preferences: model against people</source>
        <translation>偏好：模型与人的对照</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>计数依据</translation>
    </message>
    <message>
        <source>Preferences: %1</source>
        <translation>偏好：%1</translation>
    </message>
    <message>
        <source>Preferences: none yet. Compare a prompt&apos;s videos in preference mode (%1).</source>
        <translation>偏好：尚无。请在偏好模式（%1）中比较同一提示词的视频。</translation>
    </message>
    <message>
        <source>Preferences: %1 pairs and %2 Best-of-N picks by people; model: %3</source>
        <translation>偏好：人工给出 %1 对比较和 %2 次 N 选优；模型：%3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Model agrees with people, %1, ties counted</source>
        <translation>模型与人一致（%1，计入平局）</translation>
    </message>
    <message>
        <source>%1 of %2 pairs</source>
        <translation>%2 对中 %1 对</translation>
    </message>
    <message>
        <source>Model agrees with people, %1, without ties</source>
        <translation>模型与人一致（%1，不计平局）</translation>
    </message>
    <message>
        <source>Agreement between people</source>
        <translation>人与人之间的一致率</translation>
    </message>
    <message>
        <source>%1 judge pairs on %2 shared pairs</source>
        <translation>%2 个共同比较对上的 %1 对评判者</translation>
    </message>
    <message>
        <source>Agreement between people, without ties</source>
        <translation>人与人之间的一致率（不计平局）</translation>
    </message>
    <message>
        <source>%1 judge pairs</source>
        <translation>%1 对评判者</translation>
    </message>
    <message>
        <source>Position bias: left chosen (50 % = none)</source>
        <translation>位置偏差：选择左侧的比例（50 % 表示无偏差）</translation>
    </message>
    <message>
        <source>%1 left, %2 right, %3 ties shown in random order</source>
        <translation>随机顺序展示：左 %1、右 %2、平局 %3</translation>
    </message>
    <message>
        <source>Best of N: model&apos;s pick is people&apos;s best</source>
        <translation>N 选优：模型所选即人选的最佳</translation>
    </message>
    <message>
        <source>%1 picks</source>
        <translation>%1 次选择</translation>
    </message>
    <message>
        <source>Best of N: a random pick would be</source>
        <translation>N 选优：随机选择的期望一致率</translation>
    </message>
    <message>
        <source>Best of N: regret (places the people&apos;s best sits below the model&apos;s pick)</source>
        <translation>N 选优：遗憾值（人选最佳在模型排序中落后的名次）</translation>
    </message>
    <message>
        <source>Best of N: model&apos;s pick is people&apos;s worst</source>
        <translation>N 选优：模型所选为人选的最差</translation>
    </message>
</context>
<context>
    <name>vs::ui::PreferenceSession</name>
    <message>
        <source>Left is better</source>
        <translation>左侧更好</translation>
    </message>
    <message>
        <source>Right is better</source>
        <translation>右侧更好</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>平局</translation>
    </message>
    <message numerus="yes">
        <source>Best of %n</source>
        <translation>
            <numerusform>%n 选最佳</numerusform>
        </translation>
    </message>
    <message>
        <source>The worst must be another tile than the best.</source>
        <translation>最差必须与最佳是不同的画面。</translation>
    </message>
    <message numerus="yes">
        <source>Worst of %n</source>
        <translation>
            <numerusform>%n 选最差</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vs::ui::PreferenceView</name>
    <message>
        <source>overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <source>Candidates compared</source>
        <translation>参与比较的候选视频</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Reason (optional), kept with the next choice</source>
        <translation>理由（可选），随下一次选择一起保存</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>两两比较</translation>
    </message>
    <message>
        <source>Best of N</source>
        <translation>N 选优</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>比较方式</translation>
    </message>
    <message>
        <source>Fewest comparisons</source>
        <translation>最少比较次数</translation>
    </message>
    <message>
        <source>All pairs</source>
        <translation>所有配对</translation>
    </message>
    <message>
        <source>Fewest comparisons: binary insertion, at most 5 judgements for 4 candidates and 21 for 9. All pairs: every pair once, for agreement studies.</source>
        <translation>最少比较次数：二分插入，4 个候选最多 5 次判断，9 个最多 21 次。所有配对：每对比较一次，用于一致性研究。</translation>
    </message>
    <message>
        <source>Judged on</source>
        <translation>评判对象</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <source>Each dimension</source>
        <translation>逐个维度</translation>
    </message>
    <message>
        <source>Blind</source>
        <translation>盲评</translation>
    </message>
    <message>
        <source>Left/right and tile order drawn at random and recorded; names hidden</source>
        <translation>左右及画面顺序随机抽取并记录；隐藏名称</translation>
    </message>
    <message>
        <source>Left is better</source>
        <translation>左侧更好</translation>
    </message>
    <message>
        <source>Right is better</source>
        <translation>右侧更好</translation>
    </message>
    <message>
        <source>Tie: equally good</source>
        <translation>平局：一样好</translation>
    </message>
    <message>
        <source>Write the reason</source>
        <translation>填写理由</translation>
    </message>
    <message>
        <source>Next prompt</source>
        <translation>下一个提示词</translation>
    </message>
    <message>
        <source>Previous prompt</source>
        <translation>上一个提示词</translation>
    </message>
    <message>
        <source>Switch between pairs and Best of N</source>
        <translation>在两两比较与 N 选优之间切换</translation>
    </message>
    <message>
        <source>Tile %1 is the best</source>
        <translation>第 %1 个画面最佳</translation>
    </message>
    <message>
        <source>Tile %1 is the worst</source>
        <translation>第 %1 个画面最差</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Could not read the preference options: %1</source>
        <translation>无法读取偏好选项：%1</translation>
    </message>
    <message>
        <source>Every pair of this prompt is judged; %1 goes to the next prompt.</source>
        <translation>此提示词的所有配对都已评判；按 %1 进入下一个提示词。</translation>
    </message>
    <message>
        <source>This is the last prompt.</source>
        <translation>这是最后一个提示词。</translation>
    </message>
    <message>
        <source>This is the first prompt.</source>
        <translation>这是第一个提示词。</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <source>No prompt with two or more videos.</source>
        <translation>没有包含两个及以上视频的提示词。</translation>
    </message>
    <message>
        <source>Open a project to compare its videos.</source>
        <translation>请打开项目以比较其中的视频。</translation>
    </message>
    <message>
        <source>Prompt: %1</source>
        <translation>提示词：%1</translation>
    </message>
    <message>
        <source>Which is better (%1)?   [%2] left · [%3] right · [%4] tie</source>
        <translation>哪个更好（%1）？   [%2] 左 · [%3] 右 · [%4] 平局</translation>
    </message>
    <message>
        <source>Comparison %1 of at most %2</source>
        <translation>第 %1 次比较，最多 %2 次</translation>
    </message>
    <message>
        <source>This prompt has fewer than two videos.</source>
        <translation>此提示词的视频少于两个。</translation>
    </message>
    <message>
        <source>Ordered. %1 goes to the next prompt.</source>
        <translation>排序完成。按 %1 进入下一个提示词。</translation>
    </message>
    <message numerus="yes">
        <source>%n comparison(s) made</source>
        <translation>
            <numerusform>已完成 %n 次比较</numerusform>
        </translation>
    </message>
    <message>
        <source>Order (%1): %2</source>
        <translation>排序（%1）：%2</translation>
    </message>
    <message>
        <source>Pick the best of %1: %2 … %3; the worst (optional): %4 … %5</source>
        <translation>从 %1 个中选最佳：%2 … %3；最差（可选）：%4 … %5</translation>
    </message>
    <message>
        <source>Best: tile %1</source>
        <translation>最佳：第 %1 个画面</translation>
    </message>
    <message>
        <source>, worst: tile %1</source>
        <translation>，最差：第 %1 个画面</translation>
    </message>
    <message>
        <source>Worst: tile %1 (recorded with the best)</source>
        <translation>最差：第 %1 个画面（与最佳一起记录）</translation>
    </message>
    <message>
        <source>No pick yet</source>
        <translation>尚未选择</translation>
    </message>
    <message>
        <source>This prompt has %1 videos; the first %2 are shown.</source>
        <translation>此提示词有 %1 个视频；仅显示前 %2 个。</translation>
    </message>
    <message>
        <source>The project is read-only here.</source>
        <translation>此处的项目为只读。</translation>
    </message>
</context>
<context>
    <name>vs::ui::ProjectDialogs</name>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>VideoScore projects (*.vsproj);;All files (*)</source>
        <translation>VideoScore 项目 (*.vsproj);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>VideoScore projects (*.vsproj)</source>
        <translation>VideoScore 项目 (*.vsproj)</translation>
    </message>
    <message>
        <source>Open team project</source>
        <translation>打开团队项目</translation>
    </message>
    <message>
        <source>PostgreSQL URI of the project, e.g. postgresql://ana@db.lab.example/videos
(passwords come from PGPASSWORD, ~/.pgpass or a service file, never from here):</source>
        <translation>项目的 PostgreSQL URI，例如 postgresql://ana@db.lab.example/videos
（密码来自 PGPASSWORD、~/.pgpass 或服务文件，绝不在此输入）：</translation>
    </message>
    <message>
        <source>%1 is not a postgresql:// URI.</source>
        <translation>%1 不是 postgresql:// URI。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(无)</translation>
    </message>
</context>
<context>
    <name>vs::ui::ProjectExchange</name>
    <message numerus="yes">
        <source>Reading %n video(s)…</source>
        <translation>
            <numerusform>正在读取 %n 个视频…</numerusform>
        </translation>
    </message>
    <message>
        <source>Add videos</source>
        <translation>添加视频</translation>
    </message>
    <message>
        <source>Nothing was added: %1</source>
        <translation>未添加任何内容：%1</translation>
    </message>
    <message>
        <source>Adding videos cancelled; nothing was added.</source>
        <translation>已取消添加视频；未添加任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was added: %n file(s) cannot be used.</source>
        <translation>
            <numerusform>未添加任何内容：%n 个文件无法使用。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 video(s) added, %2 updated.</source>
        <translation>已添加 %1 个视频，更新 %2 个。</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>not a recognised format (choose one)</source>
        <translation>无法识别的格式（请选择一种）</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>已取消导入；未导入任何内容。</translation>
    </message>
    <message>
        <source>%1 items imported (%2 evaluations new, %3 updated, %4 new videos).</source>
        <translation>已导入 %1 个条目（新评估 %2 个，更新 %3 个，新视频 %4 个）。</translation>
    </message>
    <message>
        <source>Finding the videos was cancelled.</source>
        <translation>已取消查找视频。</translation>
    </message>
    <message>
        <source>Videos: %1 found, %2 missing.</source>
        <translation>视频：找到 %1 个，缺失 %2 个。</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <source>Export cancelled; no file written.</source>
        <translation>已取消导出；未写入任何文件。</translation>
    </message>
    <message>
        <source>Exported %1 items to %2 (%3).</source>
        <translation>已导出 %1 个条目到 %2（%3）。</translation>
    </message>
    <message>
        <source>Looking for the missing videos…</source>
        <translation>正在查找缺失的视频…</translation>
    </message>
    <message>
        <source>Relink missing videos</source>
        <translation>重新链接缺失的视频</translation>
    </message>
    <message>
        <source>Relink cancelled; nothing changed.</source>
        <translation>已取消重新链接；未作任何更改。</translation>
    </message>
    <message>
        <source>changed: %1</source>
        <translation>已更改：%1</translation>
    </message>
    <message>
        <source>found: %1</source>
        <translation>已找到：%1</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>缺失：%1</translation>
    </message>
    <message>
        <source>%1 found (%2 changed since they were added), %3 still missing, %4 already in place.</source>
        <translation>找到 %1 个（其中 %2 个自添加以来已更改），仍缺失 %3 个，%4 个已在原位。</translation>
    </message>
</context>
<context>
    <name>vs::ui::QueueModel</name>
    <message>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Prompt: %1, %2 of %3 scored</source>
        <translation>提示词：%1，已评分 %2 / %3</translation>
    </message>
    <message>
        <source>%1
Model soft scores: %2</source>
        <translation>%1
模型软评分：%2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>scored</source>
        <translation>已评分</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>%1: video file missing — File › Relink missing videos…</source>
        <translation>%1：视频文件缺失 — 文件 › 重新链接缺失的视频…</translation>
    </message>
    <message>
        <source>%1: the video file changed since it was added</source>
        <translation>%1：视频文件自添加后已被更改</translation>
    </message>
    <message>
        <source>%1, %2, video file missing</source>
        <translation>%1，%2，视频文件缺失</translation>
    </message>
</context>
<context>
    <name>vs::ui::QueuePanel</name>
    <message>
        <source>Search prompts and videos</source>
        <translation>搜索提示词和视频</translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation>搜索队列</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>全部条目</translation>
    </message>
    <message>
        <source>Not yet scored by me</source>
        <translation>我尚未评分</translation>
    </message>
    <message>
        <source>Model only</source>
        <translation>仅有模型评分</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>生成器</translation>
    </message>
    <message>
        <source>Generator:</source>
        <translation>生成器：</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>批次：</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>标注员</translation>
    </message>
    <message>
        <source>Annotator:</source>
        <translation>标注员：</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>排序方式</translation>
    </message>
    <message>
        <source>Queue order</source>
        <translation>队列顺序</translation>
    </message>
    <message>
        <source>Disagreement first</source>
        <translation>分歧最大优先</translation>
    </message>
    <message>
        <source>Least confident first</source>
        <translation>置信度最低优先</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>排序：</translation>
    </message>
    <message>
        <source>Work queue</source>
        <translation>工作队列</translation>
    </message>
    <message>
        <source>%1 done · %2 remaining</source>
        <translation>已完成 %1 · 剩余 %2</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <source>%1 — show all</source>
        <translation>%1 — 显示全部</translation>
    </message>
</context>
<context>
    <name>vs::ui::RefusedEditsDialog</name>
    <message>
        <source>Edits the server refused</source>
        <translation>服务器拒绝的编辑</translation>
    </message>
    <message>
        <source>The server refused these edits after they waited on this computer. They are kept here; copy them to enter them again or to send them on.</source>
        <translation>这些编辑在本机等待后被服务器拒绝。它们保存在这里；可复制后重新输入或转发给他人。</translation>
    </message>
    <message>
        <source>Refused edits</source>
        <translation>被拒绝的编辑</translation>
    </message>
    <message>
        <source>&amp;Copy as text</source>
        <translation>复制为文本(&amp;C)</translation>
    </message>
    <message>
        <source>Put the rows on the clipboard, separated by tabs</source>
        <translation>将各行复制到剪贴板，以制表符分隔</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>Video or choice</source>
        <translation>视频或选择</translation>
    </message>
    <message>
        <source>What was typed</source>
        <translation>输入的内容</translation>
    </message>
    <message>
        <source>Server&apos;s reason</source>
        <translation>服务器给出的原因</translation>
    </message>
    <message>
        <source>video #%1</source>
        <translation>视频 #%1</translation>
    </message>
    <message>
        <source>prompt #%1</source>
        <translation>提示词 #%1</translation>
    </message>
    <message>
        <source>%1 / %2 (%3)</source>
        <comment>left video, right video, dimension</comment>
        <translation>%1 / %2 (%3)</translation>
    </message>
    <message>
        <source>Best of N: %1</source>
        <translation>N 选优：%1</translation>
    </message>
    <message>
        <source>(cleared)</source>
        <comment>a score set to none</comment>
        <translation>(已清除)</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(已移除)</translation>
    </message>
    <message>
        <source>(none)</source>
        <comment>no flags</comment>
        <translation>(无)</translation>
    </message>
    <message>
        <source>choice: %1</source>
        <translation>选择：%1</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>理由：%1</translation>
    </message>
    <message>
        <source>best: %1</source>
        <translation>最佳：%1</translation>
    </message>
    <message>
        <source>worst: %1</source>
        <translation>最差：%1</translation>
    </message>
    <message>
        <source>choice withdrawn</source>
        <translation>已撤回选择</translation>
    </message>
    <message>
        <source>pick withdrawn</source>
        <translation>已撤回挑选</translation>
    </message>
</context>
<context>
    <name>vs::ui::RubricDialog</name>
    <message>
        <source>Project rubric</source>
        <translation>项目评分细则</translation>
    </message>
    <message>
        <source>Definition:</source>
        <translation>定义：</translation>
    </message>
    <message>
        <source>%1 definition</source>
        <translation>%1 定义</translation>
    </message>
    <message>
        <source>What each score means (one line per score, 1 to 5):</source>
        <translation>各分值的含义（每行一个分值，1 到 5）：</translation>
    </message>
    <message>
        <source>%1 score meanings</source>
        <translation>%1 分值含义</translation>
    </message>
</context>
<context>
    <name>vs::ui::ScoreControl</name>
    <message>
        <source>%1 score</source>
        <translation>%1 评分</translation>
    </message>
    <message>
        <source>Press 1 to 5 to score, Delete to clear.</source>
        <translation>按 1 到 5 评分，按 Delete 清除。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>model %1 (%2)</source>
        <translation>模型 %1（%2）</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>模型 %1</translation>
    </message>
</context>
<context>
    <name>vs::ui::ScorePanel</name>
    <message>
        <source>your own scores</source>
        <translation>你自己的评分</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>model scores accepted</source>
        <translation>已采纳模型评分</translation>
    </message>
    <message>
        <source>model scores edited</source>
        <translation>已修改模型评分</translation>
    </message>
    <message>
        <source>Score panel</source>
        <translation>评分面板</translation>
    </message>
    <message>
        <source>Why this score? (optional)</source>
        <translation>为什么给这个分？（可选）</translation>
    </message>
    <message>
        <source>%1 rationale</source>
        <translation>%1 理由</translation>
    </message>
    <message>
        <source>Accept model scores</source>
        <translation>采纳模型评分</translation>
    </message>
    <message>
        <source>Overall reasoning</source>
        <translation>总体推理</translation>
    </message>
    <message>
        <source>Blind mode: the model&apos;s output and the generator are hidden until you have scored all three dimensions.</source>
        <translation>盲评模式：在你完成三个维度的评分之前，模型输出和生成器名称会被隐藏。</translation>
    </message>
    <message>
        <source>Model reasoning</source>
        <translation>模型推理</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Broken video</source>
        <translation>视频损坏</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>需要复核</translation>
    </message>
    <message>
        <source>Note for the flag</source>
        <translation>标记备注</translation>
    </message>
    <message>
        <source>Flag note</source>
        <translation>标记备注</translation>
    </message>
    <message>
        <source>No item selected.</source>
        <translation>未选择条目。</translation>
    </message>
    <message>
        <source>Origin: %1 · time on item %2</source>
        <translation>来源：%1 · 本条用时 %2</translation>
    </message>
    <message>
        <source>Not scored yet · time on item %1</source>
        <translation>尚未评分 · 本条用时 %1</translation>
    </message>
    <message>
        <source>generator %1</source>
        <translation>生成器 %1</translation>
    </message>
    <message>
        <source>Model result hidden.</source>
        <translation>模型结果已隐藏。</translation>
    </message>
    <message>
        <source>No model result yet.</source>
        <translation>尚无模型结果。</translation>
    </message>
    <message>
        <source>Model %1 · soft scores %2</source>
        <translation>模型 %1 · 软评分 %2</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
</context>
<context>
    <name>vs::ui::ScoringController</name>
    <message>
        <source>Worker: no model folder chosen (Settings › Scoring)</source>
        <translation>工作进程：未选择模型文件夹（设置 › 评分）</translation>
    </message>
    <message>
        <source>Worker: starting · model %1 · %2</source>
        <translation>工作进程：正在启动 · 模型 %1 · %2</translation>
    </message>
    <message>
        <source>Worker: ready</source>
        <translation>工作进程：就绪</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>模型 %1</translation>
    </message>
    <message>
        <source>device %1</source>
        <translation>设备 %1</translation>
    </message>
    <message>
        <source>memory %1 MB</source>
        <translation>内存 %1 MB</translation>
    </message>
    <message>
        <source>Worker: restarted after a crash (%1 so far)</source>
        <translation>工作进程：崩溃后已重启（累计 %1 次）</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>第 %1 次尝试</translation>
    </message>
    <message>
        <source>no score lines</source>
        <translation>无评分行</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>加载中</translation>
    </message>
    <message>
        <source>reading frames</source>
        <translation>读取帧</translation>
    </message>
    <message>
        <source>reading the prompt</source>
        <translation>读取提示词</translation>
    </message>
    <message>
        <source>finishing</source>
        <translation>收尾中</translation>
    </message>
    <message>
        <source>generating</source>
        <translation>生成中</translation>
    </message>
    <message>
        <source>Servers: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>%1 up (%2 done)</source>
        <translation>%1 在线（已完成 %2 个）</translation>
    </message>
    <message>
        <source>%1 out: %2</source>
        <translation>%1 已停用：%2</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>attempt %1, after %2</source>
        <translation>第 %1 次尝试，此前 %2</translation>
    </message>
</context>
<context>
    <name>vs::ui::ScoringServers</name>
    <message>
        <source>“%1” is not an http(s) URL</source>
        <translation>“%1” 不是 http(s) 网址</translation>
    </message>
    <message>
        <source>%1: concurrency must be at least 1</source>
        <translation>%1：同时请求数至少为 1</translation>
    </message>
    <message>
        <source>%1: the environment variable %2 (API key) is empty or not set</source>
        <translation>%1：环境变量 %2（API 密钥）为空或未设置</translation>
    </message>
    <message>
        <source>no server is listed (Settings › Scoring)</source>
        <translation>未列出任何服务器（设置 › 评分）</translation>
    </message>
</context>
<context>
    <name>vs::ui::ServerListEditor</name>
    <message>
        <source>Scoring servers</source>
        <translation>评分服务器</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Served model</source>
        <translation>服务端模型名</translation>
    </message>
    <message>
        <source>API key variable</source>
        <translation>API 密钥环境变量</translation>
    </message>
    <message>
        <source>Requests at once</source>
        <translation>同时请求数</translation>
    </message>
    <message>
        <source>An OpenAI-compatible server (vLLM, vscore serve): its base URL such as http://gpu-box:8000; the model name it serves (empty: the only one it lists); the name of the environment variable that holds its API key (the key is never stored)</source>
        <translation>兼容 OpenAI 的服务器（vLLM、vscore serve）：其基础网址，如 http://gpu-box:8000；其服务的模型名（留空：其列出的唯一模型）；存放其 API 密钥的环境变量名（密钥本身从不保存）</translation>
    </message>
    <message>
        <source>&amp;Add server</source>
        <translation>添加服务器(&amp;A)</translation>
    </message>
    <message>
        <source>Add a scoring server</source>
        <translation>添加评分服务器</translation>
    </message>
    <message>
        <source>Re&amp;move server</source>
        <translation>移除服务器(&amp;M)</translation>
    </message>
    <message>
        <source>Remove the selected scoring server</source>
        <translation>移除所选评分服务器</translation>
    </message>
    <message>
        <source>Requests in flight on this server</source>
        <translation>此服务器上同时进行的请求数</translation>
    </message>
</context>
<context>
    <name>vs::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Shortcut map</source>
        <translation>快捷键表</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Shortcut for %1</source>
        <translation>%1 的快捷键</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Model folder:</source>
        <translation>模型文件夹：</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU（CUDA）</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Prompt template:</source>
        <translation>提示词模板：</translation>
    </message>
    <message>
        <source>Constrain score lines to the digits 1–5</source>
        <translation>将评分行限制为数字 1–5</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>%1 is used by both “%2” and “%3”.</source>
        <translation>%1 同时被“%2”和“%3”使用。</translation>
    </message>
    <message>
        <source>Prompt template</source>
        <translation>提示词模板</translation>
    </message>
    <message>
        <source>A shipped preset (videoscore2: the release template, the default; videoscore2-eval: the evaluation script&apos;s), a template saved in the project, or a template file</source>
        <translation>内置预设（videoscore2：发布版模板，默认；videoscore2-eval：评测脚本所用模板）、项目中保存的模板，或模板文件</translation>
    </message>
    <message>
        <source>Where scoring runs</source>
        <translation>评分运行位置</translation>
    </message>
    <message>
        <source>This computer (local worker)</source>
        <translation>本机（本地工作进程）</translation>
    </message>
    <message>
        <source>Servers (vLLM or vscore serve)</source>
        <translation>服务器（vLLM 或 vscore serve）</translation>
    </message>
    <message>
        <source>&amp;Run scoring on:</source>
        <translation>评分运行于(&amp;R)：</translation>
    </message>
    <message>
        <source>With servers, the model folder is optional: its tokenizer lets each reply&apos;s prompt length be checked. API keys are read from the environment variables named here and never stored.</source>
        <translation>使用服务器时，模型文件夹可不填：有了它的分词器，才能核对每个回复的提示长度。API 密钥从此处填写的环境变量读取，从不保存。</translation>
    </message>
    <message>
        <source>Add at least one server, or run scoring on this computer.</source>
        <translation>请至少添加一台服务器，或在本机运行评分。</translation>
    </message>
</context>
<context>
    <name>vs::ui::TeamLease</name>
    <message>
        <source>Your lease on this video has expired; another person may be given it.</source>
        <translation>您对此视频的租用已过期，它可能会分配给其他人。</translation>
    </message>
    <message>
        <source>Lease not renewed: %1</source>
        <translation>租用未续期：%1</translation>
    </message>
</context>
<context>
    <name>vs::ui::TeamWatch</name>
    <message>
        <source>Connected to the team project again; showing everyone&apos;s latest work.</source>
        <translation>已重新连接团队项目；正在显示所有人的最新工作。</translation>
    </message>
    <message>
        <source>Offline: the team project&apos;s server cannot be reached (retrying).</source>
        <translation>离线：无法连接团队项目的服务器（正在重试）。</translation>
    </message>
</context>
<context>
    <name>vs::ui::VersionConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人更改</translation>
    </message>
    <message>
        <source>%1 was changed by someone else while you were editing it. Nothing has been saved yet: choose which version to keep.</source>
        <translation>%1 在您编辑期间已被他人更改。尚未保存任何内容：请选择要保留的版本。</translation>
    </message>
    <message>
        <source>Their version</source>
        <translation>对方的版本</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>您的版本</translation>
    </message>
    <message>
        <source>&amp;Their version:</source>
        <translation>对方的版本(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Your version:</source>
        <translation>您的版本(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Use theirs</source>
        <translation>采用对方的版本(&amp;U)</translation>
    </message>
    <message>
        <source>Drop your changes and keep their version</source>
        <translation>放弃您的更改，保留对方的版本</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>保留我的版本(&amp;K)</translation>
    </message>
    <message>
        <source>Save your version on top of theirs</source>
        <translation>在对方的版本之上保存您的版本</translation>
    </message>
    <message>
        <source>&amp;Back to editing</source>
        <translation>返回编辑(&amp;B)</translation>
    </message>
</context>
</TS>
