<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Bundle applied: {0}.</source>
        <translation>已应用数据包：{0}。</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was changed.</source>
        <translation>出错了，未做任何更改。</translation>
    </message>
    <message>
        <source>Choose the exchange folder (kept in step by your sync tool)</source>
        <translation>选择交换文件夹（由你的同步工具保持同步）</translation>
    </message>
    <message>
        <source>Exchange folder set.</source>
        <translation>已设置交换文件夹。</translation>
    </message>
    <message>
        <source>No exchange folder is set.</source>
        <translation>尚未设置交换文件夹。</translation>
    </message>
    <message>
        <source>{0} (not reachable now)</source>
        <translation>{0}（目前无法访问）</translation>
    </message>
    <message>
        <source>a colleague</source>
        <translation>一位同事</translation>
    </message>
    <message>
        <source>From {0} ({1})</source>
        <translation>来自{0}（{1}）</translation>
    </message>
    <message>
        <source>New cases:</source>
        <translation>新个案：</translation>
    </message>
    <message>
        <source>The sender&apos;s vault was prepared for travel and has new keys, vouched for by its old key. New fingerprint: {0}</source>
        <translation>发送者的保险库已为出行做好准备，换用了新密钥，并由其旧密钥担保。新指纹：{0}</translation>
    </message>
    <message>
        <source>Edits that conflict with yours (both values are kept; review them under Conflicts after applying):</source>
        <translation>与你的编辑相冲突的修改（两个值都会保留；应用后请在“冲突”中查看）：</translation>
    </message>
    <message>
        <source>This vault is prepared for travel, and this bundle names 1 case not on this laptop (new, or removed for the journey). Applying it puts it on this laptop.</source>
        <translation>此保险库已为出行做好准备，而此数据包涉及 1 个不在这台笔记本电脑上的案件（新案件，或为出行而移除的案件）。应用它会把该案件放到这台笔记本电脑上。</translation>
    </message>
    <message>
        <source>This vault is prepared for travel, and this bundle names {0} cases not on this laptop (new, or removed for the journey). Applying it puts them on this laptop.</source>
        <translation>此保险库已为出行做好准备，而此数据包涉及 {0} 个不在这台笔记本电脑上的案件（新案件，或为出行而移除的案件）。应用它会把这些案件放到这台笔记本电脑上。</translation>
    </message>
    <message>
        <source>From {0}: {1}</source>
        <translation>来自{0}：{1}</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Vigil could not read this image; save a decrypted copy to open it with another program.</source>
        <translation>Vigil 无法读取此图片；请保存一份解密副本，用其他程序打开。</translation>
    </message>
    <message>
        <source>Text of the attachment</source>
        <translation>附件文本</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>No attachments yet. Add photos or documents with Add…, or drop files here: they are encrypted inside the vault.</source>
        <translation>暂无附件。可用“添加…”添加照片或文档，或将文件拖放到此处：它们会在保险库内加密保存。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Set as photo</source>
        <translation>设为照片</translation>
    </message>
    <message>
        <source>Save copy…</source>
        <translation>保存副本…</translation>
    </message>
    <message>
        <source>Save a decrypted copy of this attachment</source>
        <translation>保存此附件的解密副本</translation>
    </message>
    <message numerus="yes">
        <source>Added and encrypted: %n file(s).</source>
        <translation>
            <numerusform>已添加并加密：%n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save a decrypted copy…</source>
        <translation>保存解密副本…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Encrypting</source>
        <translation>正在加密</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel adding files</source>
        <translation>取消添加文件</translation>
    </message>
    <message>
        <source>Add attachments</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Save a decrypted copy</source>
        <translation>保存解密副本</translation>
    </message>
    <message>
        <source>Vigil could not read that file; nothing was added.</source>
        <translation>Vigil 无法读取该文件；未添加任何内容。</translation>
    </message>
    <message>
        <source>The decrypted copy was saved.</source>
        <translation>解密副本已保存。</translation>
    </message>
    <message>
        <source>Remove the attachment “{0}”? Its encrypted file is deleted and cannot be recovered.</source>
        <translation>删除附件“{0}”？其加密文件将被删除，且无法恢复。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>{0}: not a date; use {1}.</source>
        <translation>{0}：不是有效日期；请使用 {1}。</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Name in Latin letters (required)</source>
        <translation>拉丁字母姓名（必填）</translation>
    </message>
    <message>
        <source>Name in original script</source>
        <translation>原文姓名</translation>
    </message>
    <message>
        <source>For example 王全璋 or تۇرسۇن</source>
        <translation>例如 王全璋 或 تۇرسۇن</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>其他姓名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Script (zh-Hans, ug-Arab…)</source>
        <translation>文字（zh-Hans、ug-Arab…）</translation>
    </message>
    <message>
        <source>Add name</source>
        <translation>添加姓名</translation>
    </message>
    <message>
        <source>Add another name</source>
        <translation>再添加一个姓名</translation>
    </message>
    <message>
        <source>Remove name</source>
        <translation>删除姓名</translation>
    </message>
    <message>
        <source>Remove the selected name</source>
        <translation>删除所选姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>For example 1976</source>
        <translation>例如 1976</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Nationalities</source>
        <translation>国籍</translation>
    </message>
    <message>
        <source>Country codes, such as CN, SE</source>
        <translation>国家代码，如 CN、SE</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Status since</source>
        <translation>状态起始日期</translation>
    </message>
    <message>
        <source>Last known location</source>
        <translation>最后已知位置</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>羁押场所</translation>
    </message>
    <message>
        <source>Charges, one per line</source>
        <translation>罪名，每行一个</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>刑期</translation>
    </message>
    <message>
        <source>Sentence ends</source>
        <translation>刑满日期</translation>
    </message>
    <message>
        <source>Lawyer access</source>
        <translation>律师会见</translation>
    </message>
    <message>
        <source>Family access</source>
        <translation>家属探视</translation>
    </message>
    <message>
        <source>Consular access</source>
        <translation>领事探视</translation>
    </message>
    <message>
        <source>Health concerns</source>
        <translation>健康问题</translation>
    </message>
    <message>
        <source>Consent for advocacy</source>
        <translation>倡导同意</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>敏感程度</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Priority {0}</source>
        <translation>优先级 {0}</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>以逗号分隔</translation>
    </message>
    <message>
        <source>Public-safe summary</source>
        <translation>可公开摘要</translation>
    </message>
    <message>
        <source>Internal notes</source>
        <translation>内部备注</translation>
    </message>
    <message>
        <source>Original script</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>罪名</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>A case needs a display name.</source>
        <translation>个案需要一个显示名称。</translation>
    </message>
    <message>
        <source>Birth year: enter a year from {0} to {1}, or leave it empty.</source>
        <translation>出生年份：请输入 {0} 至 {1} 之间的年份，或留空。</translation>
    </message>
    <message>
        <source>Nationalities: use two-letter country codes separated by commas, such as CN, SE.</source>
        <translation>国籍：请使用以逗号分隔的两字母国家代码，如 CN, SE。</translation>
    </message>
    <message>
        <source>Other names: each row with a script needs a name.</source>
        <translation>其他姓名：填写了文字的每一行都需要姓名。</translation>
    </message>
    <message>
        <source>Nothing was saved. Fix the problems marked below.</source>
        <translation>未保存任何内容。请修正下方标出的问题。</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>编辑事件</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>添加事件</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind of event</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>An event needs a date; use {0}.</source>
        <translation>事件需要日期；请使用 {0}。</translation>
    </message>
    <message>
        <source>An event needs a title.</source>
        <translation>事件需要标题。</translation>
    </message>
    <message>
        <source>Edit source</source>
        <translation>编辑信息来源</translation>
    </message>
    <message>
        <source>Add source</source>
        <translation>添加信息来源</translation>
    </message>
    <message>
        <source>Title or citation</source>
        <translation>标题或引文</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Kind of source</source>
        <translation>信息来源类型</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>可靠程度</translation>
    </message>
    <message>
        <source>Confidential: never leaves the internal profile</source>
        <translation>保密：只出现在内部版本中</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>保密</translation>
    </message>
    <message>
        <source>Notes about the source</source>
        <translation>关于信息来源的备注</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>A source needs a title.</source>
        <translation>信息来源需要标题。</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Remove {0}? This cannot be undone.</source>
        <translation>删除{0}？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>the event “{0}” ({1})</source>
        <translation>事件“{0}”（{1}）</translation>
    </message>
    <message>
        <source>No events recorded yet. Add what happened, with a date as exact as is known.</source>
        <translation>暂无事件记录。请添加发生的事情，并尽可能准确地注明日期。</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>信息来源</translation>
    </message>
    <message>
        <source>confidential</source>
        <translation>保密</translation>
    </message>
    <message>
        <source>the source “{0}”</source>
        <translation>信息来源“{0}”</translation>
    </message>
    <message>
        <source>No sources recorded yet.</source>
        <translation>暂无信息来源记录。</translation>
    </message>
    <message>
        <source>Residential surveillance beyond the six-month legal limit</source>
        <translation>指定居所监视居住超过六个月的法定期限</translation>
    </message>
    <message>
        <source>Held after the sentence ended</source>
        <translation>刑满后仍被羁押</translation>
    </message>
    <message>
        <source>{0:,} days over (limit reached {1})</source>
        <translation>超期 {0:,} 天（期限于 {1} 届满）</translation>
    </message>
    <message>
        <source>{0:,} days held</source>
        <translation>已羁押 {0:,} 天</translation>
    </message>
    <message>
        <source>Past a legal time limit</source>
        <translation>超过法定期限</translation>
    </message>
    <message>
        <source>These people are held beyond a limit in the detaining state&apos;s own law: a strong point to raise. Open a case to see its timeline.</source>
        <translation>这些人被羁押的时间超出了羁押国本国法律规定的期限：这是提出个案的有力依据。打开个案可查看其时间线。</translation>
    </message>
    <message>
        <source>Nobody is held past a legal time limit, as far as the recorded dates show.</source>
        <translation>根据已记录的日期，没有人被羁押超过法定期限。</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>个案</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) held</source>
        <translation>
            <numerusform>已被关押 %n 年</numerusform>
        </translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>How far over</source>
        <translation>超出多久</translation>
    </message>
    <message>
        <source>Anniversaries this month</source>
        <translation>本月纪念日</translation>
    </message>
    <message>
        <source>Dates this month that mark how long someone has been held: moments for a statement or a renewed ask.</source>
        <translation>本月中标志某人被羁押时长的日期：适合发表声明或再次交涉的时机。</translation>
    </message>
    <message>
        <source>No detention anniversaries fall in the rest of this month.</source>
        <translation>本月余下时间没有羁押纪念日。</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>羁押时长</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Not raised in {0} days</source>
        <translation>{0} 天内未被提出</translation>
    </message>
    <message>
        <source>No government, parliament or intergovernmental body has raised these cases in {0} days, stalest first.</source>
        <translation>{0} 天内没有任何政府、议会或政府间机构提出过这些个案，最久未提出的在前。</translation>
    </message>
    <message>
        <source>Not raised by a government in {0} days</source>
        <translation>{0} 天内未被某政府提出</translation>
    </message>
    <message>
        <source>{0} has not raised these cases in {1} days, stalest first; &apos;last raised&apos; is its last ask.</source>
        <translation>{0} 在 {1} 天内未提出这些个案，最久未提出的在前；“最近提出”是其最后一次交涉。</translation>
    </message>
    <message>
        <source>Every case was raised in the last {0} days.</source>
        <translation>所有个案在过去 {0} 天内都被提出过。</translation>
    </message>
    <message>
        <source>Last raised</source>
        <translation>最近提出</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>出生</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <source>Nothing recorded yet. Press Edit (Ctrl+E) to fill in the profile.</source>
        <translation>尚未记录任何内容。按“编辑”（Ctrl+E）填写档案。</translation>
    </message>
    <message>
        <source>Nobody has raised this case yet.</source>
        <translation>还没有人提出过这个个案。</translation>
    </message>
    <message>
        <source> with {0}</source>
        <translation>，交涉对象：{0}</translation>
    </message>
    <message>
        <source>public</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>private</source>
        <translation>私下</translation>
    </message>
    <message>
        <source>Asked: {0}</source>
        <translation>要求：{0}</translation>
    </message>
    <message>
        <source>Response: {0}</source>
        <translation>答复：{0}</translation>
    </message>
    <message>
        <source>Follow-up due: {0}</source>
        <translation>跟进期限：{0}</translation>
    </message>
    <message>
        <source>No internal notes. Press Edit (Ctrl+E) to write some.</source>
        <translation>没有内部备注。按“编辑”（Ctrl+E）即可填写。</translation>
    </message>
    <message>
        <source>Timeline event</source>
        <translation>时间线事件</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>信息来源</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>交涉</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会见</translation>
    </message>
    <message>
        <source>Edit involvement</source>
        <translation>编辑涉案行为</translation>
    </message>
    <message>
        <source>Add involvement</source>
        <translation>添加涉案行为</translation>
    </message>
    <message>
        <source>An official in the directory</source>
        <translation>名录中的官员</translation>
    </message>
    <message>
        <source>A new official</source>
        <translation>新官员</translation>
    </message>
    <message>
        <source>Search officials</source>
        <translation>搜索官员</translation>
    </message>
    <message>
        <source>Any of their names, in any script…</source>
        <translation>任一姓名，任何文字……</translation>
    </message>
    <message>
        <source>Officials</source>
        <translation>官员</translation>
    </message>
    <message>
        <source>New official&apos;s name</source>
        <translation>新官员姓名</translation>
    </message>
    <message>
        <source>New official&apos;s organisation</source>
        <translation>新官员所属机构</translation>
    </message>
    <message>
        <source>No organisation</source>
        <translation>无机构</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>{0} (confidential)</source>
        <translation>{0}（保密）</translation>
    </message>
    <message>
        <source>This case has no sources yet.</source>
        <translation>此个案尚无来源。</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Removed official</source>
        <translation>已删除的官员</translation>
    </message>
    <message>
        <source>Enter the new official&apos;s name.</source>
        <translation>请输入新官员的姓名。</translation>
    </message>
    <message>
        <source>Choose an official in the list, or add a new one.</source>
        <translation>请在列表中选择一名官员，或添加新官员。</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>官员</translation>
    </message>
    <message>
        <source>Officials responsible</source>
        <translation>责任官员</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>No official is recorded as responsible in this case yet.</source>
        <translation>此个案尚未记录任何责任官员。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Remove this involvement from the case?</source>
        <translation>要从此个案中移除该涉案行为吗？</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>已移除。</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was saved.</source>
        <translation>出现错误；未保存任何内容。</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(deleted record)</source>
        <translation>（已删除的记录）</translation>
    </message>
    <message>
        <source>Field: {0}</source>
        <translation>字段：{0}</translation>
    </message>
    <message>
        <source>Value kept (current):</source>
        <translation>保留的值（当前）：</translation>
    </message>
    <message>
        <source>The other value (from the edit that lost):</source>
        <translation>另一个值（来自未被采用的编辑）：</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>{0} to {1}</source>
        <translation>{0} 至 {1}</translation>
    </message>
    <message>
        <source>now or unknown</source>
        <translation>现在或不详</translation>
    </message>
    <message>
        <source>No positions recorded.</source>
        <translation>未记录职务。</translation>
    </message>
    <message>
        <source>Sanctions</source>
        <translation>制裁</translation>
    </message>
    <message>
        <source>not sanctioned</source>
        <translation>未受制裁</translation>
    </message>
    <message>
        <source>sanctioned</source>
        <translation>已受制裁</translation>
    </message>
    <message>
        <source>on {0}</source>
        <translation>于 {0}</translation>
    </message>
    <message>
        <source>Cases involved in</source>
        <translation>涉及的个案</translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation>日期不详</translation>
    </message>
    <message>
        <source>Not recorded as involved in any case.</source>
        <translation>未记录涉及任何个案。</translation>
    </message>
</context>
<context>
    <name>AddColleagueDialog</name>
    <message>
        <source>Add colleague</source>
        <translation>添加同事</translation>
    </message>
    <message>
        <source>Paste the contact card your colleague sent you</source>
        <translation>粘贴同事发给你的联系人名片</translation>
    </message>
    <message>
        <source>Contact card</source>
        <translation>联系人名片</translation>
    </message>
    <message>
        <source>Open a card file…</source>
        <translation>打开名片文件…</translation>
    </message>
    <message>
        <source>Name to show (default: the card&apos;s)</source>
        <translation>显示的名称（默认使用名片上的名称）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>The colleague is added as not verified: compare the fingerprint with them before sending them anything.</source>
        <translation>该同事将以“未核实”状态添加：在向其发送任何内容之前，请先与其核对指纹。</translation>
    </message>
    <message>
        <source>Open a contact card</source>
        <translation>打开联系人名片</translation>
    </message>
    <message>
        <source>The contact card could not be read.</source>
        <translation>无法读取该联系人名片。</translation>
    </message>
    <message>
        <source>colleague</source>
        <translation>同事</translation>
    </message>
</context>
<context>
    <name>AskTableModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>提出方</translation>
    </message>
    <message>
        <source>With</source>
        <translation>交涉对象</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Public/private</source>
        <translation>公开/私下</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>个案</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>回应</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>跟进期限</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>At encounter</source>
        <translation>所在外交接触</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私下</translation>
    </message>
</context>
<context>
    <name>AsksScreen</name>
    <message>
        <source>Filter by date, who, channel, case, response…</source>
        <translation>按日期、人员、渠道、个案、答复筛选…</translation>
    </message>
    <message>
        <source>Filter asks</source>
        <translation>筛选交涉</translation>
    </message>
    <message>
        <source>Follow-ups overdue</source>
        <translation>跟进已逾期</translation>
    </message>
    <message>
        <source>Show only asks whose follow-up is overdue</source>
        <translation>仅显示跟进已逾期的交涉</translation>
    </message>
    <message>
        <source>Log ask…</source>
        <translation>记录交涉…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Asks</source>
        <translation>交涉</translation>
    </message>
    <message>
        <source>Number of asks shown</source>
        <translation>显示的交涉数量</translation>
    </message>
    <message>
        <source>No asks recorded yet. Use “Log ask…” after a meeting, a statement or a letter.</source>
        <translation>尚无交涉记录。在会见、发表声明或发出信函之后，请使用“记录交涉…”。</translation>
    </message>
    <message>
        <source>No ask matches. Clear the filter or the “Follow-ups overdue” switch.</source>
        <translation>没有匹配的交涉。请清除筛选条件或关闭“跟进已逾期”开关。</translation>
    </message>
    <message>
        <source>{0:,} asks</source>
        <translation>{0:,} 条交涉</translation>
    </message>
    <message>
        <source>{0:,} of {1:,} asks</source>
        <translation>{0:,} / {1:,} 条交涉</translation>
    </message>
    <message>
        <source>Delete the ask of {0} raised by {1}? The cases it names stay; colleagues you share with will see it deleted.</source>
        <translation>删除由{1}于 {0} 提出的交涉？其中涉及的个案会保留；与你共享的同事将看到该交涉已被删除。</translation>
    </message>
    <message>
        <source>Ask deleted.</source>
        <translation>交涉已删除。</translation>
    </message>
    <message>
        <source>Delete ask</source>
        <translation>删除交涉</translation>
    </message>
</context>
<context>
    <name>AttachmentTableModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>保密</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>SHA-256 {0}
Added by {1}</source>
        <translation>SHA-256 {0}
添加者：{1}</translation>
    </message>
</context>
<context>
    <name>CalendarPopup</name>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Whole month</source>
        <translation>整月</translation>
    </message>
    <message>
        <source>The month shown, when the day is not known</source>
        <translation>所显示的月份（不知道具体日期时）</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>整年</translation>
    </message>
    <message>
        <source>The year shown, when the month is not known</source>
        <translation>所显示的年份（不知道月份时）</translation>
    </message>
</context>
<context>
    <name>CalendarScreen</name>
    <message>
        <source>Encounter</source>
        <translation>外交接触</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>跟进到期</translation>
    </message>
    <message>
        <source>UN reply due</source>
        <translation>联合国答复到期</translation>
    </message>
    <message>
        <source>Legal time limit</source>
        <translation>法定期限</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>纪念日</translation>
    </message>
    <message>
        <source>RSDL six-month limit</source>
        <translation>指定居所监视居住六个月期限</translation>
    </message>
    <message>
        <source>Sentence ends</source>
        <translation>刑期届满</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>个案</translation>
    </message>
    <message>
        <source>Governments</source>
        <translation>政府</translation>
    </message>
    <message>
        <source>Show all 90 days</source>
        <translation>显示全部 90 天</translation>
    </message>
    <message>
        <source>New encounter…</source>
        <translation>新建外交接触…</translation>
    </message>
    <message>
        <source>Moments</source>
        <translation>时刻</translation>
    </message>
    <message>
        <source>Prepare…</source>
        <translation>准备…</translation>
    </message>
    <message>
        <source>Cases the government concerned has not raised, for a new meeting</source>
        <translation>相关政府尚未提出的个案，用于新会议</translation>
    </message>
    <message>
        <source>Edit encounter…</source>
        <translation>编辑外交接触…</translation>
    </message>
    <message>
        <source>Delete encounter</source>
        <translation>删除外交接触</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>打开个案</translation>
    </message>
    <message>
        <source>{0} moments from {1} to {2}</source>
        <translation>{1} 至 {2} 共 {0} 个时刻</translation>
    </message>
    <message>
        <source>{0} moments on {1}</source>
        <translation>{1} 共 {0} 个时刻</translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 年</translation>
    </message>
    <message>
        <source>{0} years</source>
        <translation>{0} 年</translation>
    </message>
    <message>
        <source>and {0} more</source>
        <translation>另有 {0} 个</translation>
    </message>
    <message>
        <source>Prepare</source>
        <translation>准备</translation>
    </message>
    <message>
        <source>There are no governments in the directory yet: add one first.</source>
        <translation>名录中还没有政府：请先添加一个。</translation>
    </message>
    <message>
        <source>Delete this encounter? Asks made at it stay, without it.</source>
        <translation>删除此外交接触？在其中提出的交涉会保留，但不再关联它。</translation>
    </message>
    <message>
        <source>The encounter was deleted.</source>
        <translation>外交接触已删除。</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Name in original script</source>
        <translation>原文姓名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Days detained</source>
        <translation>羁押天数</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Select a case in the list to see it here, or add one with New case (Ctrl+N).</source>
        <translation>在列表中选择一个个案即可在此查看，或用“新建个案”（Ctrl+N）添加。</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit this case (Ctrl+E)</source>
        <translation>编辑此个案（Ctrl+E）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the case (Ctrl+S)</source>
        <translation>保存个案（Ctrl+S）</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Forget the changes not saved</source>
        <translation>放弃未保存的更改</translation>
    </message>
    <message>
        <source>Delete case…</source>
        <translation>删除个案…</translation>
    </message>
    <message>
        <source>Delete this case</source>
        <translation>删除此个案</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Asks</source>
        <translation>交涉</translation>
    </message>
    <message>
        <source>Internal notes</source>
        <translation>内部备注</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>信息来源</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新建个案</translation>
    </message>
    <message>
        <source>Status unknown</source>
        <translation>状态不明</translation>
    </message>
    <message>
        <source>{0} since {1}</source>
        <translation>{0}（自 {1} 起）</translation>
    </message>
    <message>
        <source>{0:,} days detained</source>
        <translation>已羁押 {0:,} 天</translation>
    </message>
    <message>
        <source>Consent: {0}</source>
        <translation>同意：{0}</translation>
    </message>
    <message>
        <source>Consent not recorded</source>
        <translation>未记录同意情况</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>Still saving the last change; try again in a moment.</source>
        <translation>上一次更改仍在保存中，请稍后再试。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was saved.</source>
        <translation>出错了，未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>CaseFilters</name>
    <message>
        <source>Search names in any script, charges, notes…</source>
        <translation>搜索任意文字的姓名、罪名、备注…</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>搜索个案</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>状态筛选</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation>类别筛选</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>任意类别</translation>
    </message>
    <message>
        <source>Consent filter</source>
        <translation>同意筛选</translation>
    </message>
    <message>
        <source>Any consent</source>
        <translation>任意同意情况</translation>
    </message>
    <message>
        <source>Priority filter</source>
        <translation>优先级筛选</translation>
    </message>
    <message>
        <source>Any priority</source>
        <translation>任意优先级</translation>
    </message>
    <message>
        <source>Priority {0}</source>
        <translation>优先级 {0}</translation>
    </message>
    <message>
        <source>Not raised since</source>
        <translation>自何时起未提出</translation>
    </message>
    <message>
        <source>Raised or not</source>
        <translation>是否已提出</translation>
    </message>
    <message>
        <source>Not raised in 90 days</source>
        <translation>90 天内未提出</translation>
    </message>
    <message>
        <source>Not raised in a year</source>
        <translation>一年内未提出</translation>
    </message>
    <message>
        <source>Nationality filter</source>
        <translation>国籍筛选</translation>
    </message>
    <message>
        <source>Nationality (CN, SE…)</source>
        <translation>国籍（CN、SE…）</translation>
    </message>
    <message>
        <source>Tag filter</source>
        <translation>标签筛选</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>CaseOutcome</name>
    <message>
        <source>What we asked</source>
        <translation>我们提出的要求</translation>
    </message>
    <message>
        <source>Their response</source>
        <translation>对方的答复</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>What they said</source>
        <translation>对方所说的话</translation>
    </message>
    <message>
        <source>What they committed to do</source>
        <translation>对方承诺采取的行动</translation>
    </message>
    <message>
        <source>e.g. raise the case with the detaining state</source>
        <translation>例如：向羁押国提出该个案</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>跟进期限</translation>
    </message>
    <message>
        <source>We asked for</source>
        <translation>我们要求</translation>
    </message>
    <message>
        <source>Our ask</source>
        <translation>我们的要求</translation>
    </message>
    <message>
        <source>They committed to</source>
        <translation>对方承诺</translation>
    </message>
</context>
<context>
    <name>CasePicker</name>
    <message>
        <source>Filter cases by name</source>
        <translation>按姓名筛选个案</translation>
    </message>
    <message>
        <source>Filter cases</source>
        <translation>筛选个案</translation>
    </message>
    <message>
        <source>Cases this ask names</source>
        <translation>此交涉涉及的个案</translation>
    </message>
    <message>
        <source>Chosen cases</source>
        <translation>已选个案</translation>
    </message>
    <message>
        <source>No case chosen yet.</source>
        <translation>尚未选择个案。</translation>
    </message>
    <message>
        <source>{0} chosen: {1}</source>
        <translation>已选 {0} 个：{1}</translation>
    </message>
    <message>
        <source>Add a case</source>
        <translation>添加个案</translation>
    </message>
    <message>
        <source>Type part of a name in any script…</source>
        <translation>输入任意文字的姓名片段…</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>搜索个案</translation>
    </message>
    <message>
        <source>(do not raise)</source>
        <translation>（请勿提出）</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Original script</source>
        <translation>原文姓名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Days detained</source>
        <translation>羁押天数</translation>
    </message>
    <message>
        <source>Last raised</source>
        <translation>最近提出</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>CasesScreen</name>
    <message>
        <source>Cases</source>
        <translation>个案</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>复制姓名</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新建个案</translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation>编辑个案</translation>
    </message>
    <message>
        <source>Save case</source>
        <translation>保存个案</translation>
    </message>
    <message>
        <source>Delete case…</source>
        <translation>删除个案…</translation>
    </message>
    <message>
        <source>Export dossier…</source>
        <translation>导出简报档案…</translation>
    </message>
    <message>
        <source>Log ask…</source>
        <translation>记录交涉…</translation>
    </message>
    <message>
        <source>No cases match. Clear the search or the filters, add a case with New case (Ctrl+N), or import a spreadsheet (File → Import…).</source>
        <translation>没有匹配的个案。请清除搜索或筛选条件，用“新建个案”（Ctrl+N）添加个案，或导入电子表格（文件 → 导入…）。</translation>
    </message>
    <message>
        <source>This case has changes that are not saved.</source>
        <translation>此个案有尚未保存的更改。</translation>
    </message>
    <message>
        <source>Delete the case of {0}, with its timeline, sources and attachments? It is erased from this vault now, and from your colleagues&apos; vaults when they receive your next bundle. This cannot be undone.</source>
        <translation>删除 {0} 的个案及其时间线、来源和附件？它会立即从本保险库中抹除，并在同事收到您的下一个数据包时从他们的保险库中抹除。此操作无法撤销。</translation>
    </message>
    <message>
        <source>The automatic snapshots in the vault folder keep a copy until they are replaced, one a day, by {0} at the earliest. Settings → Backups → Remove deleted items from snapshots erases it from them now.</source>
        <translation>保险库文件夹中的自动快照会保留一份副本，直到它们每天一个地被替换，最早在 {0}。设置 → 备份 → 从快照中移除已删除的项目，可立即将其从快照中抹除。</translation>
    </message>
    <message>
        <source>Delete case</source>
        <translation>删除个案</translation>
    </message>
    <message>
        <source>The case was deleted.</source>
        <translation>个案已删除。</translation>
    </message>
</context>
<context>
    <name>ColleaguesScreen</name>
    <message>
        <source>Your fingerprint</source>
        <translation>你的指纹</translation>
    </message>
    <message>
        <source>Copy my contact card</source>
        <translation>复制我的联系人名片</translation>
    </message>
    <message>
        <source>Save my contact card…</source>
        <translation>保存我的联系人名片…</translation>
    </message>
    <message>
        <source>This vault</source>
        <translation>此保险库</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <source>Colleagues</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>Add colleague…</source>
        <translation>添加同事…</translation>
    </message>
    <message>
        <source>Mark verified…</source>
        <translation>标记为已核实…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Send changes to…</source>
        <translation>发送更改给…</translation>
    </message>
    <message>
        <source>Import bundle…</source>
        <translation>导入数据包…</translation>
    </message>
    <message>
        <source>Incoming bundles</source>
        <translation>收到的数据包</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Your name for colleagues: {0}</source>
        <translation>你向同事显示的名称：{0}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Not verified: compare the fingerprint with them</source>
        <translation>未核实：请与对方核对指纹</translation>
    </message>
    <message>
        <source>Exchange folder: {0}</source>
        <translation>交换文件夹：{0}</translation>
    </message>
    <message>
        <source>No exchange folder is set: bundles are saved where you choose.</source>
        <translation>尚未设置交换文件夹：数据包将保存到你选择的位置。</translation>
    </message>
    <message>
        <source>Exchange folder: {0} (not reachable now)</source>
        <translation>交换文件夹：{0}（当前无法访问）</translation>
    </message>
    <message>
        <source>Conflicts ({0})</source>
        <translation>冲突（{0}）</translation>
    </message>
    <message>
        <source>Incoming bundles ({0})</source>
        <translation>收到的数据包（{0}）</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was changed.</source>
        <translation>出错了，未做任何更改。</translation>
    </message>
    <message>
        <source>Your contact card is on the clipboard.</source>
        <translation>你的联系人名片已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Save my contact card</source>
        <translation>保存我的联系人名片</translation>
    </message>
    <message>
        <source>The contact card could not be saved there.</source>
        <translation>无法将联系人名片保存到该位置。</translation>
    </message>
    <message>
        <source>Contact card saved.</source>
        <translation>联系人名片已保存。</translation>
    </message>
    <message>
        <source>{0} added. Compare the fingerprint with them (by phone or in person), then click “Mark verified…”.</source>
        <translation>已添加{0}。请与对方核对指纹（通过电话或当面），然后点击“标记为已核实…”。</translation>
    </message>
    <message>
        <source>Colleague verified.</source>
        <translation>同事已核实。</translation>
    </message>
    <message>
        <source>Remove colleague</source>
        <translation>删除同事</translation>
    </message>
    <message>
        <source>Remove {0}? You will no longer be able to send them bundles or accept theirs, until you add and verify them again.</source>
        <translation>删除{0}？在重新添加并核实之前，你将无法向其发送数据包，也无法接受其数据包。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Colleague removed.</source>
        <translation>同事已删除。</translation>
    </message>
    <message>
        <source>Verify a colleague&apos;s fingerprint before sending them case files.</source>
        <translation>向同事发送个案文件之前，请先核实其指纹。</translation>
    </message>
    <message>
        <source>Save the bundle</source>
        <translation>保存数据包</translation>
    </message>
    <message>
        <source>Bundle written: {0}, {1}.</source>
        <translation>数据包已写入：{0}，{1}。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s)</source>
        <translation>
            <numerusform>%n 个附件</numerusform>
        </translation>
    </message>
    <message>
        <source>Import a bundle</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <source>Bundle applied: {0}.</source>
        <translation>已应用数据包：{0}。</translation>
    </message>
    <message>
        <source>The other value is now the current one.</source>
        <translation>另一个值现为当前值。</translation>
    </message>
    <message>
        <source>The current value is kept.</source>
        <translation>已保留当前值。</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>What each column fills. Columns kept in the internal notes become a “header: value” line on each case.</source>
        <translation>每一列填入什么。保留在内部备注中的列，会在每个个案中成为一行“列标题：值”。</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>前几个值</translation>
    </message>
    <message>
        <source>Fills</source>
        <translation>填入</translation>
    </message>
    <message>
        <source>Column that identifies a row (so importing again updates):</source>
        <translation>标识每一行的列（再次导入时据此更新）：</translation>
    </message>
    <message>
        <source>Keep in internal notes</source>
        <translation>保留在内部备注中</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Event: {0}</source>
        <translation>事件：{0}</translation>
    </message>
    <message>
        <source>(none: every row is a new case)</source>
        <translation>（无：每一行都是新个案）</translation>
    </message>
    <message>
        <source>column {0}</source>
        <translation>第 {0} 列</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <source>Check that you wrote it down</source>
        <translation>确认你已抄写下来</translation>
    </message>
    <message>
        <source>Group of the recovery key</source>
        <translation>恢复密钥分组</translation>
    </message>
    <message>
        <source>Have your cases in a spreadsheet already? Finish with Import a spreadsheet… to bring them in now (or later, with File → Import…).</source>
        <translation>个案已经在电子表格里？点击“导入电子表格…”完成向导，即可立即导入（也可以以后通过“文件 → 导入…”导入）。</translation>
    </message>
    <message>
        <source>Import a spreadsheet…</source>
        <translation>导入电子表格…</translation>
    </message>
    <message>
        <source>Type group {0} of {1} of your recovery key, from your paper.</source>
        <translation>请根据你的纸质记录，输入恢复密钥 {1} 组中的第 {0} 组。</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value kept</source>
        <translation>保留的值</translation>
    </message>
    <message>
        <source>The other value</source>
        <translation>另一个值</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Conflicting edits</source>
        <translation>冲突的编辑</translation>
    </message>
    <message>
        <source>Both values in full</source>
        <translation>两个值的完整内容</translation>
    </message>
    <message>
        <source>Keep current</source>
        <translation>保留当前值</translation>
    </message>
    <message>
        <source>Use the other value</source>
        <translation>使用另一个值</translation>
    </message>
    <message>
        <source>No conflicting edits. When you and a colleague change the same field at the same time, the later edit is kept and the other one waits here for you.</source>
        <translation>没有冲突的编辑。当你和同事同时修改同一字段时，较晚的编辑会被保留，另一个编辑会在此等待你处理。</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Save the error report</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>Vigil hit an internal error</source>
        <translation>Vigil 遇到内部错误</translation>
    </message>
    <message>
        <source>The report below contains no case data: only where in Vigil&apos;s code the error happened. You can save it and send it to whoever supports Vigil for you.</source>
        <translation>下面的报告不含任何个案数据，只记录错误发生在 Vigil 代码中的位置。您可以保存它，并发给为您提供 Vigil 支持的人。</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>保存报告…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The report could not be saved there.</source>
        <translation>报告无法保存到该位置。</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <source>Not raised in 90 days</source>
        <translation>90 天内未提出</translation>
    </message>
    <message>
        <source>Follow-ups overdue</source>
        <translation>跟进逾期</translation>
    </message>
    <message>
        <source>Upcoming meetings</source>
        <translation>即将进行的会见</translation>
    </message>
    <message>
        <source>Past a legal time limit</source>
        <translation>超过法定期限</translation>
    </message>
    <message>
        <source>Anniversaries this month</source>
        <translation>本月纪念日</translation>
    </message>
    <message>
        <source>Next 30 days</source>
        <translation>未来 30 天</translation>
    </message>
    <message>
        <source>No cases yet. Add one under Cases, or import the spreadsheet you keep them in.</source>
        <translation>尚无个案。请在“个案”中添加，或导入您保存个案的电子表格。</translation>
    </message>
    <message>
        <source>Import a spreadsheet…</source>
        <translation>导入电子表格…</translation>
    </message>
    <message>
        <source>The same as File → Import…: CSV, Excel, LibreOffice or an interchange file</source>
        <translation>与“文件 → 导入…”相同：CSV、Excel、LibreOffice 或交换文件</translation>
    </message>
    <message>
        <source>Nothing in the next 30 days</source>
        <translation>未来 30 天内没有安排</translation>
    </message>
    <message>
        <source>Not raised by</source>
        <translation>未提出者</translation>
    </message>
    <message>
        <source>any government</source>
        <translation>任何政府</translation>
    </message>
    <message>
        <source>Include released, deceased and do-not-raise cases</source>
        <translation>包括已释放、已去世和不宜提出的个案</translation>
    </message>
    <message>
        <source>Cases by government</source>
        <translation>按政府分列的个案</translation>
    </message>
    <message>
        <source>Who has raised whom, and how recently</source>
        <translation>谁向谁提出过个案，以及最近一次的时间</translation>
    </message>
    <message>
        <source>Green: within 90 days · amber: within a year · red: longer ago · grey: never. Rest the pointer on a cell for the last ask; click it to open the case; click a column title to put the cases that government raised least lately first.</source>
        <translation>绿色：90 天内 · 琥珀色：一年内 · 红色：更久以前 · 灰色：从未。将指针停在单元格上可查看最后一次交涉；点击可打开个案；点击列标题可将该政府最久未提出的个案排在前面。</translation>
    </message>
    <message>
        <source>Last raised {0} by {1}</source>
        <translation>最近一次由{1}于 {0} 提出</translation>
    </message>
    <message>
        <source> with {0}</source>
        <translation>，交涉对象：{0}</translation>
    </message>
    <message>
        <source>Response: {0}</source>
        <translation>答复：{0}</translation>
    </message>
    <message>
        <source>No response recorded</source>
        <translation>未记录答复</translation>
    </message>
</context>
<context>
    <name>DateEntry</name>
    <message>
        <source>Pick the date on a calendar (Alt+Down)</source>
        <translation>在日历上选择日期（Alt+下箭头）</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD; ~ if approximate</source>
        <translation>YYYY、YYYY-MM 或 YYYY-MM-DD；大约的日期加 ~</translation>
    </message>
    <message>
        <source>Give a whole day, like 2025-03-14.</source>
        <translation>请填写具体日期，例如 2025-03-14。</translation>
    </message>
    <message>
        <source>Not a date: write a day, like 2025-03-14.</source>
        <translation>不是日期：请填写具体日期，例如 2025-03-14。</translation>
    </message>
    <message>
        <source>Not a date: write a year, a month or a day, like 2025, 2025-03 or 2025-03-14.</source>
        <translation>不是日期：请填写年份、月份或具体日期，例如 2025、2025-03 或 2025-03-14。</translation>
    </message>
</context>
<context>
    <name>DateTimeEntry</name>
    <message>
        <source>No date yet (YYYY-MM-DD)</source>
        <translation>尚无日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Time, 24-hour (HH:MM)</source>
        <translation>时间，24 小时制（HH:MM）</translation>
    </message>
</context>
<context>
    <name>DatesPage</name>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Dates such as 2014-03-05, 2014.3.5, 2014年3月5日 and 2014.03.00 (March 2014) are read by themselves. Other formats, one a line, in Python&apos;s strptime notation:</source>
        <translation>2014-03-05、2014.3.5、2014年3月5日 和 2014.03.00（2014年3月）等日期会自动识别。其他格式请每行写一个，使用 Python 的 strptime 写法：</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>读作</translation>
    </message>
    <message>
        <source>Found in this sheet and added: {0}</source>
        <translation>在本表中发现并已添加：{0}</translation>
    </message>
    <message>
        <source>Some dates could be read more than one way ({0}): add the format that is meant.</source>
        <translation>有些日期可以有多种读法（{0}）：请添加实际使用的格式。</translation>
    </message>
    <message>
        <source>not read: {0}</source>
        <translation>无法读取：{0}</translation>
    </message>
</context>
<context>
    <name>DirectoryForm</name>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>The country is a two-letter code, such as DE, SE or CN.</source>
        <translation>国家请用两个字母的代码，例如 DE、SE 或 CN。</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was saved.</source>
        <translation>出现错误，未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>DirectoryScreen</name>
    <message>
        <source>Organisations</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Officials</source>
        <translation>官员</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>any number of</source>
        <translation>任意数量的</translation>
    </message>
    <message>
        <source>Involved in at least this many cases</source>
        <translation>至少涉及这么多个案</translation>
    </message>
    <message>
        <source>Not yet sanctioned by</source>
        <translation>尚未受其制裁</translation>
    </message>
    <message>
        <source>any regime or none</source>
        <translation>不限制裁机制</translation>
    </message>
    <message>
        <source>Involved in</source>
        <translation>涉及</translation>
    </message>
    <message>
        <source>or more cases;</source>
        <translation>个或更多个案；</translation>
    </message>
    <message>
        <source>not yet sanctioned by</source>
        <translation>尚未受其制裁：</translation>
    </message>
    <message>
        <source>Prepare sanctions referral…</source>
        <translation>准备制裁举报材料…</translation>
    </message>
    <message>
        <source>Prepare sanctions referral</source>
        <translation>准备制裁举报材料</translation>
    </message>
    <message>
        <source>A referral PDF on the selected official for a sanctions regime</source>
        <translation>为所选官员生成针对某一制裁机制的举报材料 PDF</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Select one to see the asks raised by or with it.</source>
        <translation>选择一项，查看由其提出或向其提出的交涉。</translation>
    </message>
    <message>
        <source>Select an official to see their names, positions, sanctions and cases.</source>
        <translation>选择一名官员，即可查看其姓名、职务、制裁和涉及的个案。</translation>
    </message>
    <message>
        <source>Asks raised by or with {0}</source>
        <translation>由{0}提出或向{0}提出的交涉</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Delete the official {0}?</source>
        <translation>删除官员 {0}？</translation>
    </message>
    <message>
        <source>Delete the organisation {0}?</source>
        <translation>删除机构 {0}？</translation>
    </message>
    <message>
        <source>{0:,} asks name it; they keep showing the name.</source>
        <translation>有 {0:,} 条交涉提到它；这些交涉仍会显示其名称。</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>已删除。</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was deleted.</source>
        <translation>出现错误，未删除任何内容。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>DirectoryTab</name>
    <message>
        <source>Filter {0}</source>
        <translation>筛选{0}</translation>
    </message>
    <message>
        <source>Filter by any column…</source>
        <translation>按任意列筛选…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Ask history</source>
        <translation>交涉记录</translation>
    </message>
    <message>
        <source>The selected official</source>
        <translation>所选官员</translation>
    </message>
</context>
<context>
    <name>DossierExport</name>
    <message>
        <source>Gathering the cases…</source>
        <translation>正在收集个案…</translation>
    </message>
    <message>
        <source>Export dossier</source>
        <translation>导出简报档案</translation>
    </message>
    <message>
        <source>The vault is locked; no dossier was written.</source>
        <translation>保险库已锁定；未生成简报档案。</translation>
    </message>
    <message>
        <source>Laying out case {0} of {1}…</source>
        <translation>正在排版第 {0} 个个案，共 {1} 个…</translation>
    </message>
    <message numerus="yes">
        <source>Note: %n photo(s) could not be read; the dossier shows a placeholder instead.</source>
        <translation>
            <numerusform>注意：有 %n 张照片无法读取；档案中以占位图代替。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling the export…</source>
        <translation>正在取消导出…</translation>
    </message>
    <message>
        <source>Something went wrong; no dossier was written.</source>
        <translation>出错了；未生成简报档案。</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>导出已取消；未写入任何内容。</translation>
    </message>
    <message>
        <source>Wrote a {0}-page {1} dossier of 1 case.</source>
        <translation>已生成 {0} 页的{1}简报档案，含 1 个个案。</translation>
    </message>
    <message>
        <source>Wrote a {0}-page {1} dossier of {2} cases.</source>
        <translation>已生成 {0} 页的{1}简报档案，含 {2} 个个案。</translation>
    </message>
    <message>
        <source>It is protected by its PDF password.</source>
        <translation>该文件受 PDF 密码保护。</translation>
    </message>
</context>
<context>
    <name>DossierExportDialog</name>
    <message>
        <source>Export dossier</source>
        <translation>导出简报档案</translation>
    </message>
    <message>
        <source>Printed on every page: “Prepared for …”</source>
        <translation>打印在每一页上：“为……准备”</translation>
    </message>
    <message>
        <source>Prepared for</source>
        <translation>准备对象</translation>
    </message>
    <message>
        <source>PDF password</source>
        <translation>PDF 密码</translation>
    </message>
    <message>
        <source>Recipient government</source>
        <translation>接收方政府</translation>
    </message>
    <message>
        <source>The meeting&apos;s counterpart</source>
        <translation>会见的对方</translation>
    </message>
    <message>
        <source>None: no private asks</source>
        <translation>无：不含非公开交涉</translation>
    </message>
    <message>
        <source>What we ask</source>
        <translation>我们的诉求</translation>
    </message>
    <message>
        <source>Optional: one ask for every case chosen</source>
        <translation>可选：为所选的每个个案写同一项诉求</translation>
    </message>
    <message>
        <source>A different ask for each case</source>
        <translation>每个个案的诉求各不相同</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>个案</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Save the dossier as</source>
        <translation>将简报档案另存为</translation>
    </message>
    <message>
        <source>Say who the dossier is prepared for.</source>
        <translation>请说明该简报档案是为谁准备的。</translation>
    </message>
    <message>
        <source>Choose where to save the dossier.</source>
        <translation>请选择简报档案的保存位置。</translation>
    </message>
    <message>
        <source>Give the dossier a file name in an existing folder.</source>
        <translation>请在现有文件夹中为简报档案指定文件名。</translation>
    </message>
</context>
<context>
    <name>DraftOffer</name>
    <message>
        <source>You were adding a new case when Vigil locked, and had not saved it. Restore it, or discard it?</source>
        <translation>Vigil 锁定时，您正在添加一个新个案，尚未保存。要恢复它，还是放弃它？</translation>
    </message>
    <message>
        <source>You were editing the case of {0} when Vigil locked, and had not saved your changes. Restore them, or discard them?</source>
        <translation>Vigil 锁定时，您正在编辑 {0} 的个案，所做的更改尚未保存。要恢复这些更改，还是放弃它们？</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>The changes that were not saved were discarded.</source>
        <translation>未保存的更改已放弃。</translation>
    </message>
    <message>
        <source>The changes you had not saved are back; save or revert them.</source>
        <translation>未保存的更改已恢复；请保存或撤销它们。</translation>
    </message>
</context>
<context>
    <name>EncounterDialog</name>
    <message>
        <source>Encounter</source>
        <translation>外交接触</translation>
    </message>
    <message>
        <source>Governments</source>
        <translation>政府</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>A link or a note</source>
        <translation>链接或备注</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Optional: YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>可选：YYYY、YYYY-MM 或 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Public record</source>
        <translation>公开记录</translation>
    </message>
    <message>
        <source>The {0} date is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY.</source>
        <translation>{0}日期不是有效日期：请写成 YYYY-MM-DD、YYYY-MM 或 YYYY。</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>end</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was changed.</source>
        <translation>出现错误；未做任何更改。</translation>
    </message>
</context>
<context>
    <name>EncounterField</name>
    <message>
        <source>Encounter the ask was made at</source>
        <translation>提出交涉时所在的外交接触</translation>
    </message>
    <message>
        <source>A visit, dialogue, summit or summons of the raising government around the date of the ask.</source>
        <translation>提出方政府在交涉日期前后的访问、对话、峰会或召见。</translation>
    </message>
    <message>
        <source>Not at an encounter</source>
        <translation>不在外交接触中</translation>
    </message>
    <message>
        <source>Not at an encounter (none of this government&apos;s within {0} days)</source>
        <translation>不在外交接触中（该政府在 {0} 天内没有外交接触）</translation>
    </message>
</context>
<context>
    <name>ExchangeGroup</name>
    <message>
        <source>Sharing with colleagues</source>
        <translation>与同事共享</translation>
    </message>
    <message>
        <source>No exchange folder is set.</source>
        <translation>尚未设置交换文件夹。</translation>
    </message>
    <message>
        <source>Choose exchange folder…</source>
        <translation>选择交换文件夹…</translation>
    </message>
    <message>
        <source>A folder your sync tool (Syncthing, Nextcloud, a shared drive) keeps in step with colleagues. Vigil writes bundles there and picks up the ones addressed to you.</source>
        <translation>由您的同步工具（Syncthing、Nextcloud、共享盘）与同事保持同步的文件夹。Vigil 把数据包写入其中，并取回发给您的数据包。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>The case list as shown ({0} cases), as a CSV or Excel file</source>
        <translation>当前显示的个案列表（{0} 个个案），导出为 CSV 或 Excel 文件</translation>
    </message>
    <message>
        <source>The whole vault as an interchange file (JSON), to move it to another tool</source>
        <translation>整个保险库导出为交换文件（JSON），以便转入其他工具</translation>
    </message>
    <message>
        <source>The file will NOT be encrypted: anyone who gets it can read every case in it. Keep it only as long as you need it, and delete it securely. To give cases to a colleague, use Colleagues → Share instead.</source>
        <translation>该文件不会加密：任何拿到它的人都能读到其中每一个个案。只在需要期间保留，并安全删除。要把个案交给同事，请改用“同事 → 共享”。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the vault</source>
        <translation>导出保险库</translation>
    </message>
    <message>
        <source>Interchange JSON (*.json)</source>
        <translation>交换格式 JSON (*.json)</translation>
    </message>
    <message>
        <source>Export the case list</source>
        <translation>导出个案列表</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>正在写入…</translation>
    </message>
    <message>
        <source>The export could not be written; no file was left behind.</source>
        <translation>无法写入导出文件；没有留下任何文件。</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>File and sheet</source>
        <translation>文件和工作表</translation>
    </message>
    <message>
        <source>A spreadsheet of cases (CSV, XLSX, XLS or ODS, one row a case) or an interchange JSON file.</source>
        <translation>个案电子表格（CSV、XLSX、XLS 或 ODS，每行一个个案）或交换格式 JSON 文件。</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>Headers in row:</source>
        <translation>列标题所在行：</translation>
    </message>
    <message>
        <source>Import cases</source>
        <translation>导入个案</translation>
    </message>
    <message>
        <source>Spreadsheets and interchange files (*.csv *.tsv *.txt *.xlsx *.xls *.ods *.json);;All files (*)</source>
        <translation>电子表格和交换文件 (*.csv *.tsv *.txt *.xlsx *.xls *.ods *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Vigil could not read that file.</source>
        <translation>Vigil 无法读取该文件。</translation>
    </message>
    <message>
        <source>(none chosen)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <source>An interchange file: it is checked and shown before anything is imported.</source>
        <translation>交换格式文件：导入前会先检查并显示其内容。</translation>
    </message>
    <message>
        <source>{0} rows read.</source>
        <translation>已读取 {0} 行。</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>The folder of your vault</source>
        <translation>你的保险库所在文件夹</translation>
    </message>
    <message>
        <source>That folder holds no Vigil vault. Choose the folder the vault was created in: it holds a file named keyslots.json.</source>
        <translation>该文件夹中没有 Vigil 保险库。请选择创建保险库时所用的文件夹：其中有一个名为 keyslots.json 的文件。</translation>
    </message>
    <message>
        <source>This computer&apos;s keychain could not keep the vault&apos;s key: unlock with your passphrase.</source>
        <translation>此电脑的系统钥匙串无法保存保险库的密钥：请使用密码短语解锁。</translation>
    </message>
    <message>
        <source>Vigil could not create the vault.</source>
        <translation>Vigil 无法创建保险库。</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>All or nothing, in one step: a cancelled or failed import changes nothing.</source>
        <translation>一步完成，要么全部导入，要么全不导入：取消或失败的导入不会做任何更改。</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Imported: {0} new cases, {1} updated, {2} unchanged.</source>
        <translation>已导入：新建个案 {0} 个，更新 {1} 个，{2} 个未变。</translation>
    </message>
    <message>
        <source>Kept in the internal notes: {0}.</source>
        <translation>保留在内部备注中：{0}。</translation>
    </message>
    <message>
        <source>Nothing was imported: {0}</source>
        <translation>未导入任何内容：{0}</translation>
    </message>
    <message>
        <source>something went wrong.</source>
        <translation>出现了问题。</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>导入已取消：未导入任何内容。</translation>
    </message>
</context>
<context>
    <name>ImportProblems</name>
    <message>
        <source>a number that is not a date (an Excel serial date from 1 on)</source>
        <translation>一个不是日期的数字（Excel 序列日期须从 1 起）</translation>
    </message>
    <message>
        <source>a two-digit year: write the year with four digits (2014, not 14)</source>
        <translation>两位数的年份：请用四位数写年份（2014，而非 14）</translation>
    </message>
    <message>
        <source>a day without its month: write the month, or 00 for the day too</source>
        <translation>有日无月：请写出月份，或将日也写作 00</translation>
    </message>
    <message>
        <source>not a date: no such year, month or day</source>
        <translation>不是日期：没有这样的年、月或日</translation>
    </message>
    <message>
        <source>not a date: expected YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>不是日期：应为 YYYY、YYYY-MM 或 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>not a date: expected YYYY, YYYY-MM or YYYY-MM-DD or one of the date formats</source>
        <translation>不是日期：应为 YYYY、YYYY-MM、YYYY-MM-DD 或所列日期格式之一</translation>
    </message>
    <message>
        <source>{key}: nothing is chosen for this value on the Values page</source>
        <translation>{key}：尚未在“取值”页为此值选择含义</translation>
    </message>
    <message>
        <source>{key}: not one of its values ({valid})</source>
        <translation>{key}：不是可用的值（{valid}）</translation>
    </message>
    <message>
        <source>not a priority (1, 2 or 3)</source>
        <translation>不是优先级（1、2 或 3）</translation>
    </message>
    <message>
        <source>not a four-digit year</source>
        <translation>不是四位数的年份</translation>
    </message>
    <message>
        <source>not a list of two-letter country codes (ISO 3166-1 alpha-2)</source>
        <translation>不是两个字母的国家代码列表（ISO 3166-1 alpha-2）</translation>
    </message>
    <message>
        <source>{cells} cells, the header has {width}</source>
        <translation>有 {cells} 个单元格，而标题行有 {width} 个</translation>
    </message>
    <message>
        <source>the ID cell is empty</source>
        <translation>编号单元格为空</translation>
    </message>
    <message>
        <source>the same ID as row {first}</source>
        <translation>与第 {first} 行的编号相同</translation>
    </message>
    <message>
        <source>empty, but every case needs a display name</source>
        <translation>为空，但每个个案都需要显示名称</translation>
    </message>
    <message>
        <source>column &quot;{header}&quot;: {key} cannot be filled from one cell; map the column to something else or keep it in the internal notes</source>
        <translation>列“{header}”：{key}无法由一个单元格填写；请将此列对应到其他字段，或保留在内部备注中</translation>
    </message>
    <message>
        <source>columns {first} and {second} have the same header</source>
        <translation>列 {first} 和列 {second} 的标题相同</translation>
    </message>
    <message>
        <source>columns {first} and {second} both fill {key}</source>
        <translation>列 {first} 和列 {second} 都填写{key}</translation>
    </message>
    <message>
        <source>columns {first} to {last} share one merged header cell: unmerge it and give each column its own header</source>
        <translation>第 {first} 至 {last} 列共用一个合并的标题单元格：请取消合并，并为每列设置各自的标题</translation>
    </message>
    <message>
        <source>row {better} looks like the column headers, not row {row}: choose it as the header row on the first page</source>
        <translation>第 {better} 行看起来才是列标题，而不是第 {row} 行：请在第一页将其选为标题行</translation>
    </message>
    <message>
        <source>no column gives the display name every case needs: map one to it (the first row must be the column headers)</source>
        <translation>没有一列提供每个个案都需要的显示名称：请将一列对应到显示名称（第一行必须是列标题）</translation>
    </message>
    <message>
        <source>no column gives the display name every case needs: map one to it (the chosen row must be the column headers)</source>
        <translation>没有一列提供每个个案都需要的显示名称：请将一列对应到显示名称（所选的行必须是列标题）</translation>
    </message>
    <message>
        <source>The spreadsheet is larger than 100 MB: split it into smaller files.</source>
        <translation>电子表格超过 100 MB：请拆分成几个较小的文件。</translation>
    </message>
    <message>
        <source>The spreadsheet could not be read.</source>
        <translation>无法读取该电子表格。</translation>
    </message>
    <message>
        <source>The file is not a CSV spreadsheet in UTF-8, UTF-16 or GB18030: save it from the spreadsheet program as CSV or Unicode text.</source>
        <translation>该文件不是 UTF-8、UTF-16 或 GB18030 编码的 CSV 电子表格：请在电子表格程序中将其另存为 CSV 或 Unicode 文本。</translation>
    </message>
    <message>
        <source>The file looks like an Excel workbook or an ODS file but is damaged: open it in the spreadsheet program, save it again as XLSX, and import that.</source>
        <translation>该文件看起来是 Excel 工作簿或 ODS 文件，但已损坏：请在电子表格程序中打开，重新另存为 XLSX，再导入新文件。</translation>
    </message>
    <message>
        <source>The workbook is protected by a password: open it in the spreadsheet program, save a copy without the password, and import that copy.</source>
        <translation>该工作簿受密码保护：请在电子表格程序中打开，另存一份不带密码的副本，再导入该副本。</translation>
    </message>
    <message>
        <source>The workbook is larger than 512 MB once unpacked: split it into smaller files.</source>
        <translation>该工作簿解压后超过 512 MB：请拆分成几个较小的文件。</translation>
    </message>
    <message>
        <source>The file is a zip archive but not a workbook (XLSX or ODS).</source>
        <translation>该文件是 zip 压缩包，但不是工作簿（XLSX 或 ODS）。</translation>
    </message>
    <message>
        <source>Only workbooks (XLSX, XLS, ODS) have sheets; this file is read as a CSV file.</source>
        <translation>只有工作簿（XLSX、XLS、ODS）才有工作表；此文件按 CSV 文件读取。</translation>
    </message>
    <message>
        <source>The workbook has no sheets.</source>
        <translation>该工作簿没有任何工作表。</translation>
    </message>
    <message>
        <source>The workbook has no sheet named &quot;{name}&quot;; its sheets: {sheets}.</source>
        <translation>该工作簿中没有名为“{name}”的工作表；其工作表为：{sheets}。</translation>
    </message>
    <message>
        <source>The spreadsheet has more than {max} rows of cases: split it into smaller files and import them one after the other.</source>
        <translation>该电子表格的个案超过 {max} 行：请拆分成几个较小的文件，逐个导入。</translation>
    </message>
    <message>
        <source>The file has more rows than a spreadsheet can hold.</source>
        <translation>该文件的行数超过电子表格所能容纳的上限。</translation>
    </message>
    <message>
        <source>Row {row} of the spreadsheet has a cell that is too long to be a spreadsheet cell or is badly quoted.</source>
        <translation>电子表格第 {row} 行有一个单元格过长，或引号使用有误。</translation>
    </message>
    <message>
        <source>The spreadsheet is empty.</source>
        <translation>该电子表格是空的。</translation>
    </message>
    <message>
        <source>The spreadsheet has a header row but no cases.</source>
        <translation>该电子表格只有标题行，没有个案。</translation>
    </message>
    <message>
        <source>The sheet has no row {row} to take the headers from.</source>
        <translation>该工作表没有第 {row} 行，无法从中读取列标题。</translation>
    </message>
    <message>
        <source>The sheet &quot;{sheet}&quot; is empty; the workbook has {sheets}: choose another sheet.</source>
        <translation>工作表“{sheet}”是空的；该工作簿包含 {sheets}：请选择其他工作表。</translation>
    </message>
    <message>
        <source>The sheet &quot;{sheet}&quot; has a header row but no cases; the workbook has {sheets}: choose another sheet.</source>
        <translation>工作表“{sheet}”只有标题行，没有个案；该工作簿包含 {sheets}：请选择其他工作表。</translation>
    </message>
    <message>
        <source>The first row of the sheet is empty: choose the row that holds the column headers.</source>
        <translation>工作表的第一行是空的：请选择列标题所在的行。</translation>
    </message>
    <message>
        <source>Row {row} of the sheet is empty: choose the row that holds the column headers.</source>
        <translation>工作表第 {row} 行是空的：请选择列标题所在的行。</translation>
    </message>
    <message>
        <source>The column &quot;{header}&quot; that identifies a row is not a column header of this sheet.</source>
        <translation>用于标识行的列“{header}”不是此工作表的列标题。</translation>
    </message>
    <message>
        <source>The spreadsheet cannot be imported: {first}.</source>
        <translation>无法导入该电子表格：{first}。</translation>
    </message>
    <message>
        <source>The spreadsheet cannot be imported ({count} problems; nothing was imported). The first: {first}.</source>
        <translation>无法导入该电子表格（共 {count} 个问题；未导入任何内容）。第一个问题：{first}。</translation>
    </message>
    <message>
        <source>That is a folder: choose the file to import.</source>
        <translation>这是一个文件夹：请选择要导入的文件。</translation>
    </message>
    <message>
        <source>The file is too large to import (over 100 MB).</source>
        <translation>文件太大，无法导入（超过 100 MB）。</translation>
    </message>
    <message>
        <source>The file to import does not exist or cannot be read.</source>
        <translation>要导入的文件不存在或无法读取。</translation>
    </message>
    <message>
        <source>A mapping file only applies to spreadsheets, not to JSON files.</source>
        <translation>映射文件只适用于电子表格，不适用于 JSON 文件。</translation>
    </message>
    <message>
        <source>A sheet name only applies to workbooks (XLSX, XLS, ODS), not to JSON files.</source>
        <translation>工作表名称只适用于工作簿（XLSX、XLS、ODS），不适用于 JSON 文件。</translation>
    </message>
    <message>
        <source>The mapping file is too large to be a mapping (over 1 MB).</source>
        <translation>映射文件太大（超过 1 MB），不可能是映射文件。</translation>
    </message>
    <message>
        <source>The mapping file could not be read.</source>
        <translation>无法读取该映射文件。</translation>
    </message>
    <message>
        <source>The mapping file is not UTF-8 text.</source>
        <translation>该映射文件不是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>The mapping file is not valid JSON (line {line}, column {column}).</source>
        <translation>该映射文件不是有效的 JSON（第 {line} 行，第 {column} 列）。</translation>
    </message>
    <message>
        <source>The mapping file is not valid JSON.</source>
        <translation>该映射文件不是有效的 JSON。</translation>
    </message>
    <message>
        <source>The mapping file must hold one JSON object.</source>
        <translation>映射文件必须包含一个 JSON 对象。</translation>
    </message>
    <message>
        <source>The mapping file cannot be used: {first}.</source>
        <translation>无法使用该映射文件：{first}。</translation>
    </message>
    <message>
        <source>The mapping file cannot be used ({count} problems); the first: {first}.</source>
        <translation>无法使用该映射文件（共 {count} 个问题）；第一个问题：{first}。</translation>
    </message>
    <message>
        <source>unknown key &quot;{key}&quot; (known: {known})</source>
        <translation>未知的键“{key}”（可用的键：{known}）</translation>
    </message>
    <message>
        <source>&quot;columns&quot; must be an object of header: case key</source>
        <translation>“columns”必须是“列标题: 个案字段”形式的对象</translation>
    </message>
    <message>
        <source>{where} must be a case key as a string</source>
        <translation>{where} 必须是以字符串表示的个案字段</translation>
    </message>
    <message>
        <source>{where}: &quot;{kind}&quot; is not an event kind (known: {known})</source>
        <translation>{where}：“{kind}”不是事件类型（可用的类型：{known}）</translation>
    </message>
    <message>
        <source>{where}: {key} cannot be filled from one cell</source>
        <translation>{where}：{key}无法由一个单元格填写</translation>
    </message>
    <message>
        <source>{where}: &quot;{key}&quot; is not a case key</source>
        <translation>{where}：“{key}”不是个案字段</translation>
    </message>
    <message>
        <source>{where} repeats a header already in columns</source>
        <translation>{where} 与 columns 中已有的列标题重复</translation>
    </message>
    <message>
        <source>&quot;values&quot; must be an object giving each case key its values</source>
        <translation>“values”必须是为每个个案字段给出取值的对象</translation>
    </message>
    <message>
        <source>values[&quot;{key}&quot;]: only keys with a fixed set of values can be mapped ({keys})</source>
        <translation>values[&quot;{key}&quot;]：只有取值固定的字段才能映射（{keys}）</translation>
    </message>
    <message>
        <source>values[&quot;{key}&quot;] must be an object of raw: value</source>
        <translation>values[&quot;{key}&quot;] 必须是“原始值: 取值”形式的对象</translation>
    </message>
    <message>
        <source>{where} maps to something that is not a value of {key} (valid: {valid})</source>
        <translation>{where} 映射到的不是{key}的可用值（可用值：{valid}）</translation>
    </message>
    <message>
        <source>{where} differs from an earlier entry only in case or spaces but maps to another value</source>
        <translation>{where} 与前面某一项只有大小写或空格不同，却映射到另一个值</translation>
    </message>
    <message>
        <source>id_column must be the header of a column</source>
        <translation>id_column 必须是某一列的标题</translation>
    </message>
    <message>
        <source>&quot;date_formats&quot; must be a list of strptime formats</source>
        <translation>“date_formats”必须是 strptime 格式的列表</translation>
    </message>
    <message>
        <source>date_formats[{position}] has no year (%Y or %y)</source>
        <translation>date_formats[{position}] 中没有年份（%Y 或 %y）</translation>
    </message>
    <message>
        <source>date_formats[{position}] is not a usable strptime format</source>
        <translation>date_formats[{position}] 不是可用的 strptime 格式</translation>
    </message>
    <message>
        <source>&quot;empty_values&quot; must be a list of strings</source>
        <translation>“empty_values”必须是字符串列表</translation>
    </message>
    <message>
        <source>&quot;empty_values&quot; holds more than {max}</source>
        <translation>“empty_values”中的项超过 {max} 个</translation>
    </message>
    <message>
        <source>empty_values[{position}] is blank (a blank cell is empty already)</source>
        <translation>empty_values[{position}] 是空白的（空白单元格本来就视为空）</translation>
    </message>
    <message>
        <source>mapping file: {0}</source>
        <translation>映射文件：{0}</translation>
    </message>
    <message>
        <source>column {column}: {reason}</source>
        <translation>{column} 列：{reason}</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {reason}</source>
        <translation>第 {row} 行，{column} 列：{reason}</translation>
    </message>
    <message>
        <source>row {row}: {reason}</source>
        <translation>第 {row} 行：{reason}</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was changed.</source>
        <translation>出了点问题；没有做任何更改。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import cases</source>
        <translation>导入个案</translation>
    </message>
    <message>
        <source>Load mapping…</source>
        <translation>载入映射…</translation>
    </message>
    <message>
        <source>Save mapping…</source>
        <translation>保存映射…</translation>
    </message>
    <message>
        <source>Load mapping</source>
        <translation>载入映射</translation>
    </message>
    <message>
        <source>Mapping files (*.json)</source>
        <translation>映射文件 (*.json)</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>保存映射</translation>
    </message>
    <message>
        <source>The mapping file could not be written.</source>
        <translation>无法写入映射文件。</translation>
    </message>
</context>
<context>
    <name>IncomingPanel</name>
    <message>
        <source>Bundles waiting for review</source>
        <translation>等待审阅的数据包</translation>
    </message>
    <message>
        <source>What this bundle changes</source>
        <translation>此数据包带来的更改</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Ignore for now</source>
        <translation>暂时忽略</translation>
    </message>
    <message>
        <source>Look in the exchange folder now</source>
        <translation>立即检查交换文件夹</translation>
    </message>
    <message>
        <source>No bundles are waiting. Bundles that colleagues put in the exchange folder for you appear here to be reviewed before anything changes.</source>
        <translation>没有等待处理的数据包。同事放入交换文件夹给你的数据包会显示在这里，在做出任何更改之前供你审阅。</translation>
    </message>
    <message>
        <source>Refused bundles (left in the folder, not applied):</source>
        <translation>被拒绝的数据包（留在文件夹中，未应用）：</translation>
    </message>
    <message>
        <source>Apply bundle</source>
        <translation>应用数据包</translation>
    </message>
    <message>
        <source>Put them on this laptop</source>
        <translation>放到这台笔记本电脑上</translation>
    </message>
</context>
<context>
    <name>InterchangeProblems</name>
    <message>
        <source>The file is UTF-16 text; save it as UTF-8 and try again.</source>
        <translation>该文件是 UTF-16 文本；请另存为 UTF-8 后再试。</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text (the first bad byte is on line {line}).</source>
        <translation>该文件不是 UTF-8 文本（第一个错误字节在第 {line} 行）。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>该文件是空的。</translation>
    </message>
    <message>
        <source>The file ends before the JSON is complete (line {line}, column {column}); it may be truncated.</source>
        <translation>文件在 JSON 完整之前就结束了（第 {line} 行，第 {column} 列）；文件可能不完整。</translation>
    </message>
    <message>
        <source>The file is not valid JSON (line {line}, column {column}).</source>
        <translation>该文件不是有效的 JSON（第 {line} 行，第 {column} 列）。</translation>
    </message>
    <message>
        <source>The file contains NaN or Infinity, which JSON does not allow.</source>
        <translation>该文件含有 NaN 或 Infinity，JSON 不允许这样的值。</translation>
    </message>
    <message>
        <source>The file is nested too deeply to read.</source>
        <translation>该文件嵌套层级太深，无法读取。</translation>
    </message>
    <message>
        <source>The file contains a number with too many digits.</source>
        <translation>该文件含有位数过多的数字。</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>应为 JSON 对象</translation>
    </message>
    <message>
        <source>expected &quot;vigil-interchange&quot;: this is not a Vigil interchange file</source>
        <translation>应为“vigil-interchange”：这不是 Vigil 交换格式文件</translation>
    </message>
    <message>
        <source>expected 1 or 2</source>
        <translation>应为 1 或 2</translation>
    </message>
    <message>
        <source>this file is version {version}; this app reads versions 1 and 2</source>
        <translation>此文件为第 {version} 版；本程序可读取第 1 版和第 2 版</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>未知的键</translation>
    </message>
    <message>
        <source>required key is missing</source>
        <translation>缺少必需的键</translation>
    </message>
    <message>
        <source>raised_by_official_id or raised_by_organisation_id is required</source>
        <translation>必须填写 raised_by_official_id 或 raised_by_organisation_id</translation>
    </message>
    <message>
        <source>at least one case is required</source>
        <translation>至少需要一个个案</translation>
    </message>
    <message>
        <source>listed twice</source>
        <translation>列出了两次</translation>
    </message>
    <message>
        <source>a regime is listed twice</source>
        <translation>某个制裁制度列出了两次</translation>
    </message>
    <message>
        <source>not valid here</source>
        <translation>此处无效</translation>
    </message>
    <message>
        <source>not a UUID (expected 32 hexadecimal digits as 8-4-4-4-12)</source>
        <translation>不是 UUID（应为按 8-4-4-4-12 分组的 32 位十六进制数字）</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>应为字符串</translation>
    </message>
    <message>
        <source>contains a character that is not valid Unicode</source>
        <translation>含有无效的 Unicode 字符</translation>
    </message>
    <message>
        <source>contains a NUL character</source>
        <translation>含有 NUL 字符</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>expected a country code of two capital letters (ISO 3166-1 alpha-2)</source>
        <translation>应为两个大写字母的国家代码（ISO 3166-1 alpha-2）</translation>
    </message>
    <message>
        <source>not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~)</source>
        <translation>不是日期（应为 YYYY、YYYY-MM 或 YYYY-MM-DD，后面可加 ~）</translation>
    </message>
    <message>
        <source>the year must be from 0001 to 9999</source>
        <translation>年份必须在 0001 到 9999 之间</translation>
    </message>
    <message>
        <source>a date with a day needs a month</source>
        <translation>有日的日期必须有月份</translation>
    </message>
    <message>
        <source>the month must be from 01 to 12</source>
        <translation>月份必须在 01 到 12 之间</translation>
    </message>
    <message>
        <source>that month does not have that day</source>
        <translation>该月没有这一天</translation>
    </message>
    <message>
        <source>not a date and time with a UTC offset (use ISO 8601, like 2026-03-01T14:30+01:00)</source>
        <translation>不是带 UTC 时差的日期时间（请使用 ISO 8601，例如 2026-03-01T14:30+01:00）</translation>
    </message>
    <message>
        <source>expected a four-digit year</source>
        <translation>应为四位数的年份</translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation>应为整数</translation>
    </message>
    <message>
        <source>expected 1, 2 or 3</source>
        <translation>应为 1、2 或 3</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>应为 true 或 false</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>应为列表</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>应为对象</translation>
    </message>
    <message>
        <source>unknown value &quot;{value}&quot;</source>
        <translation>未知的值“{value}”</translation>
    </message>
    <message>
        <source>unknown value</source>
        <translation>未知的值</translation>
    </message>
    <message>
        <source>key appears more than once</source>
        <translation>该键出现了不止一次</translation>
    </message>
    <message>
        <source>duplicate id (also at {first})</source>
        <translation>编号重复（{first} 处也用了此编号）</translation>
    </message>
    <message>
        <source>no {kind} with this id in this case</source>
        <translation>此个案中没有这个编号的{kind}</translation>
    </message>
    <message>
        <source>no {kind} with this id</source>
        <translation>没有这个编号的{kind}</translation>
    </message>
    <message>
        <source>ends before the position starts</source>
        <translation>结束日期早于该职务的开始日期</translation>
    </message>
    <message>
        <source>ends before the encounter starts</source>
        <translation>结束日期早于该外交接触的开始日期</translation>
    </message>
    <message>
        <source>this case is already listed in this meeting</source>
        <translation>此个案已列在这次会见中</translation>
    </message>
    <message>
        <source>deleted from this vault, and a deleted record is not brought back; remove it from the file</source>
        <translation>已从此保险库中删除，已删除的记录不会恢复；请将其从文件中移除</translation>
    </message>
    <message>
        <source>already used by another case in the vault</source>
        <translation>已被保险库中的另一个个案使用</translation>
    </message>
    <message>
        <source>this involvement is about another case in the vault, and cannot move</source>
        <translation>此涉案行为属于保险库中的另一个个案，不能移动</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>official</source>
        <translation>官员</translation>
    </message>
    <message>
        <source>case</source>
        <translation>个案</translation>
    </message>
    <message>
        <source>event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>source</source>
        <translation>信息来源</translation>
    </message>
    <message>
        <source>ask</source>
        <translation>交涉</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>会见</translation>
    </message>
    <message>
        <source>involvement</source>
        <translation>涉案行为</translation>
    </message>
    <message>
        <source>encounter</source>
        <translation>外交接触</translation>
    </message>
    <message>
        <source>{path}: {sentence}</source>
        <translation>{path}：{sentence}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>; and {0} more</source>
        <translation>；另有 {0} 个</translation>
    </message>
    <message>
        <source> (checking stopped after {0})</source>
        <translation>（检查到第 {0} 个问题时停止）</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Human-rights lawyer</source>
        <translation>人权律师</translation>
    </message>
    <message>
        <source>Bookseller or publisher</source>
        <translation>书商或出版人</translation>
    </message>
    <message>
        <source>Activist</source>
        <translation>维权人士</translation>
    </message>
    <message>
        <source>Labour activist</source>
        <translation>劳工维权人士</translation>
    </message>
    <message>
        <source>Feminist advocate</source>
        <translation>女权倡导者</translation>
    </message>
    <message>
        <source>Journalist</source>
        <translation>记者</translation>
    </message>
    <message>
        <source>Scholar</source>
        <translation>学者</translation>
    </message>
    <message>
        <source>Religious practitioner</source>
        <translation>宗教信仰者</translation>
    </message>
    <message>
        <source>Family member</source>
        <translation>家属</translation>
    </message>
    <message>
        <source>Missing or forcibly disappeared</source>
        <translation>失踪或被强迫失踪</translation>
    </message>
    <message>
        <source>Detained incommunicado</source>
        <translation>与外界隔绝的羁押</translation>
    </message>
    <message>
        <source>Residential surveillance at a designated location (RSDL)</source>
        <translation>指定居所监视居住</translation>
    </message>
    <message>
        <source>Criminal detention</source>
        <translation>刑事拘留</translation>
    </message>
    <message>
        <source>Formally arrested</source>
        <translation>逮捕（正式批捕）</translation>
    </message>
    <message>
        <source>Indicted</source>
        <translation>已起诉</translation>
    </message>
    <message>
        <source>On trial</source>
        <translation>审判中</translation>
    </message>
    <message>
        <source>Sentenced or imprisoned</source>
        <translation>已判刑或服刑中</translation>
    </message>
    <message>
        <source>Released on bail</source>
        <translation>取保候审</translation>
    </message>
    <message>
        <source>Released under surveillance</source>
        <translation>获释但受监控</translation>
    </message>
    <message>
        <source>Exit-banned</source>
        <translation>限制出境</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>已获释</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>已死亡</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>已准许</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>部分准许</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Public advocacy</source>
        <translation>可公开</translation>
    </message>
    <message>
        <source>Private advocacy only</source>
        <translation>仅限私下</translation>
    </message>
    <message>
        <source>Do not raise</source>
        <translation>请勿提出</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Abducted</source>
        <translation>被绑架</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最后一次露面</translation>
    </message>
    <message>
        <source>Detained</source>
        <translation>被羁押</translation>
    </message>
    <message>
        <source>RSDL began</source>
        <translation>开始指定居所监视居住</translation>
    </message>
    <message>
        <source>Charged</source>
        <translation>被指控</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>庭审</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判决</translation>
    </message>
    <message>
        <source>Sentenced</source>
        <translation>已判刑</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>被转移</translation>
    </message>
    <message>
        <source>Televised confession broadcast</source>
        <translation>播出电视认罪</translation>
    </message>
    <message>
        <source>Lawyer denied</source>
        <translation>律师会见被拒</translation>
    </message>
    <message>
        <source>Family harassed</source>
        <translation>家属遭骚扰</translation>
    </message>
    <message>
        <source>Health incident</source>
        <translation>健康事件</translation>
    </message>
    <message>
        <source>News</source>
        <translation>新闻</translation>
    </message>
    <message>
        <source>NGO report</source>
        <translation>非政府组织报告</translation>
    </message>
    <message>
        <source>Court document</source>
        <translation>法院文书</translation>
    </message>
    <message>
        <source>Official statement</source>
        <translation>官方声明</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>访谈</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>家属</translation>
    </message>
    <message>
        <source>Lawyer</source>
        <translation>律师</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已证实</translation>
    </message>
    <message>
        <source>Probable</source>
        <translation>很可能</translation>
    </message>
    <message>
        <source>Possible</source>
        <translation>有可能</translation>
    </message>
    <message>
        <source>Doubtful</source>
        <translation>存疑</translation>
    </message>
    <message>
        <source>Government</source>
        <translation>政府</translation>
    </message>
    <message>
        <source>Intergovernmental body</source>
        <translation>政府间机构</translation>
    </message>
    <message>
        <source>Parliament</source>
        <translation>议会</translation>
    </message>
    <message>
        <source>NGO</source>
        <translation>非政府组织</translation>
    </message>
    <message>
        <source>Detaining authority</source>
        <translation>羁押当局</translation>
    </message>
    <message>
        <source>Bilateral meeting</source>
        <translation>双边会见</translation>
    </message>
    <message>
        <source>Démarche or note verbale</source>
        <translation>外交交涉或普通照会</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>Public statement</source>
        <translation>公开声明</translation>
    </message>
    <message>
        <source>Joint statement</source>
        <translation>联合声明</translation>
    </message>
    <message>
        <source>UN Human Rights Council</source>
        <translation>联合国人权理事会</translation>
    </message>
    <message>
        <source>Press conference</source>
        <translation>新闻发布会</translation>
    </message>
    <message>
        <source>Summit sideline</source>
        <translation>峰会场边</translation>
    </message>
    <message>
        <source>Parliamentary question</source>
        <translation>议会质询</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>释放</translation>
    </message>
    <message>
        <source>Whereabouts</source>
        <translation>下落</translation>
    </message>
    <message>
        <source>Proof of life</source>
        <translation>生存证明</translation>
    </message>
    <message>
        <source>Lawyer access</source>
        <translation>律师会见</translation>
    </message>
    <message>
        <source>Family access</source>
        <translation>家属探视</translation>
    </message>
    <message>
        <source>Consular access</source>
        <translation>领事探视</translation>
    </message>
    <message>
        <source>Medical care</source>
        <translation>医疗救治</translation>
    </message>
    <message>
        <source>Fair trial</source>
        <translation>公正审判</translation>
    </message>
    <message>
        <source>End the exit ban</source>
        <translation>解除限制出境</translation>
    </message>
    <message>
        <source>Stop harassment of family</source>
        <translation>停止骚扰家属</translation>
    </message>
    <message>
        <source>No response</source>
        <translation>无答复</translation>
    </message>
    <message>
        <source>“Internal affair”</source>
        <translation>“内政”</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已知悉</translation>
    </message>
    <message>
        <source>Information provided</source>
        <translation>提供了信息</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>作出承诺</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已举行</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Head of state or government</source>
        <translation>国家元首或政府首脑</translation>
    </message>
    <message>
        <source>Minister</source>
        <translation>部长</translation>
    </message>
    <message>
        <source>Deputy minister</source>
        <translation>副部长</translation>
    </message>
    <message>
        <source>Ambassador</source>
        <translation>大使</translation>
    </message>
    <message>
        <source>Senior official</source>
        <translation>高级官员</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>官员</translation>
    </message>
    <message>
        <source>Parliamentarian</source>
        <translation>议员</translation>
    </message>
    <message>
        <source>UN mechanism</source>
        <translation>联合国机制</translation>
    </message>
    <message>
        <source>Ordered the detention</source>
        <translation>下令拘押</translation>
    </message>
    <message>
        <source>Arrested</source>
        <translation>实施抓捕</translation>
    </message>
    <message>
        <source>Interrogated</source>
        <translation>审讯</translation>
    </message>
    <message>
        <source>Ill-treatment</source>
        <translation>虐待</translation>
    </message>
    <message>
        <source>Prosecuted</source>
        <translation>提起公诉</translation>
    </message>
    <message>
        <source>Judged</source>
        <translation>审判</translation>
    </message>
    <message>
        <source>Prison authority</source>
        <translation>监所管理</translation>
    </message>
    <message>
        <source>Denied access</source>
        <translation>拒绝会见</translation>
    </message>
    <message>
        <source>Surveillance or harassment</source>
        <translation>监控或骚扰</translation>
    </message>
    <message>
        <source>Forced confession</source>
        <translation>强迫认罪</translation>
    </message>
    <message>
        <source>United States: Global Magnitsky</source>
        <translation>美国：《全球马格尼茨基法》</translation>
    </message>
    <message>
        <source>United Kingdom: Global Human Rights sanctions</source>
        <translation>英国：全球人权制裁</translation>
    </message>
    <message>
        <source>European Union: Global Human Rights Sanctions Regime</source>
        <translation>欧盟：全球人权制裁机制</translation>
    </message>
    <message>
        <source>Canada: Sergei Magnitsky Law</source>
        <translation>加拿大：《谢尔盖·马格尼茨基法》</translation>
    </message>
    <message>
        <source>Australia: Magnitsky-style thematic sanctions</source>
        <translation>澳大利亚：马格尼茨基式专题制裁</translation>
    </message>
    <message>
        <source>State visit</source>
        <translation>国事访问</translation>
    </message>
    <message>
        <source>Summit</source>
        <translation>峰会</translation>
    </message>
    <message>
        <source>Ministerial meeting</source>
        <translation>部长级会晤</translation>
    </message>
    <message>
        <source>Human-rights dialogue</source>
        <translation>人权对话</translation>
    </message>
    <message>
        <source>Ambassador summoned</source>
        <translation>召见大使</translation>
    </message>
    <message>
        <source>Meeting with civil society</source>
        <translation>与公民社会会面</translation>
    </message>
    <message>
        <source>UN session</source>
        <translation>联合国会议</translation>
    </message>
    <message>
        <source>Universal Periodic Review</source>
        <translation>普遍定期审议</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Save or discard the meeting you are editing first; the language was not changed.</source>
        <translation>请先保存或放弃正在编辑的会议；语言未更改。</translation>
    </message>
</context>
<context>
    <name>LevelField</name>
    <message>
        <source>Level of the ask</source>
        <translation>交涉的级别</translation>
    </message>
    <message>
        <source>How senior the person who raised it is. Left at the first choice, it is the raising official&apos;s level.</source>
        <translation>提出交涉者的级别。保留第一个选项时，即为提出交涉官员的级别。</translation>
    </message>
    <message>
        <source>From the official: {0}</source>
        <translation>沿用官员级别：{0}</translation>
    </message>
    <message>
        <source>From the official: not recorded</source>
        <translation>沿用官员级别：未记录</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
</context>
<context>
    <name>LogAskDialog</name>
    <message>
        <source>Edit ask</source>
        <translation>编辑交涉</translation>
    </message>
    <message>
        <source>Log ask</source>
        <translation>记录交涉</translation>
    </message>
    <message>
        <source>Date of the ask</source>
        <translation>交涉日期</translation>
    </message>
    <message>
        <source>Raised by: an official or an organisation</source>
        <translation>提出方：官员或机构</translation>
    </message>
    <message>
        <source>Raised with: an official or an organisation</source>
        <translation>交涉对象：官员或机构</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>Raised in public</source>
        <translation>公开提出</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私下</translation>
    </message>
    <message>
        <source>Raised in private</source>
        <translation>私下提出</translation>
    </message>
    <message>
        <source>Asked for: {0}</source>
        <translation>要求：{0}</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Date of the response</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <source>What they answered</source>
        <translation>对方的答复内容</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>跟进截止日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>Raised &amp;by</source>
        <translation>提出方(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation>级别(&amp;L)</translation>
    </message>
    <message>
        <source>Raised &amp;with</source>
        <translation>交涉对象(&amp;W)</translation>
    </message>
    <message>
        <source>At &amp;encounter</source>
        <translation>所在外交接触(&amp;E)</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <source>Public or private</source>
        <translation>公开或私下</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>个案(&amp;C)</translation>
    </message>
    <message>
        <source>Asked for</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>&amp;Response</source>
        <translation>答复(&amp;R)</translation>
    </message>
    <message>
        <source>Response date</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <source>Response text</source>
        <translation>答复内容</translation>
    </message>
    <message>
        <source>&amp;Follow-up due</source>
        <translation>跟进截止日期(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>The {0} must be a year, a month or a day, like 2025, 2025-03 or 2025-03-14.</source>
        <translation>{0}必须是年份、月份或日期，例如 2025、2025-03 或 2025-03-14。</translation>
    </message>
    <message>
        <source>Enter the date of the ask: a year, a month or a day, like 2025-03-14.</source>
        <translation>请输入交涉日期：年份、月份或具体日期，例如 2025-03-14。</translation>
    </message>
    <message>
        <source>Say who raised it: pick an official or an organisation from the list.</source>
        <translation>请说明提出方：从列表中选择一位官员或一个机构。</translation>
    </message>
    <message>
        <source>That name is not an official or organisation in the vault: pick one from the list, or add it under Officials &amp; organisations first.</source>
        <translation>该名称不是保险库中的官员或机构：请从列表中选择，或先在“官员与机构”中添加。</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Choose at least one case this ask names.</source>
        <translation>请至少选择一个此交涉涉及的个案。</translation>
    </message>
    <message>
        <source>response date</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <source>follow-up date</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <source>The government that raised this ask did not take part in that encounter: choose one of its own encounters, or none.</source>
        <translation>提出这项交涉的政府没有参与该外交接触：请选择该政府自己的外交接触，或选择“不在外交接触中”。</translation>
    </message>
    <message>
        <source>Ask saved.</source>
        <translation>交涉已保存。</translation>
    </message>
    <message>
        <source>The lists of officials and cases could not be read; close this dialog and try again.</source>
        <translation>无法读取官员和个案列表；请关闭此对话框后重试。</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was saved.</source>
        <translation>出错了，未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>界面</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>保险库</translation>
    </message>
    <message>
        <source>Lock the vault now (Ctrl+L)</source>
        <translation>立即锁定保险库（Ctrl+L）</translation>
    </message>
    <message>
        <source>Log ask…</source>
        <translation>记录交涉…</translation>
    </message>
    <message>
        <source>Record that cases were raised (Ctrl+Shift+A)</source>
        <translation>记录已提出的个案 (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import cases from a spreadsheet or an interchange file</source>
        <translation>从电子表格或交换文件导入案件</translation>
    </message>
    <message>
        <source>The vault was not closed cleanly: quit Vigil before opening it anywhere else.</source>
        <translation>保险库未能正常关闭：请先退出 Vigil，再在其他地方打开它。</translation>
    </message>
    <message>
        <source>Unlock the restored vault with the passphrase it had when the backup was made.</source>
        <translation>请使用创建备份时的密码短语解锁恢复后的保险库。</translation>
    </message>
    <message numerus="yes">
        <source>Copied; it leaves the clipboard in %n second(s).</source>
        <translation>
            <numerusform>已复制；%n 秒后将从剪贴板清除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Colleagues</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>个案</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会见</translation>
    </message>
    <message>
        <source>Asks</source>
        <translation>交涉</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>记分卡</translation>
    </message>
    <message>
        <source>Officials &amp; organisations</source>
        <translation>官员与机构</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>{0} ({1} to review)</source>
        <translation>{0}（{1} 个待审阅）</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>{0}: never raised</source>
        <translation>{0}：从未提出</translation>
    </message>
    <message numerus="yes">
        <source>{0}: raised %n time(s), last on {1}</source>
        <translation>
            <numerusform>{0}：已提出 %n 次，最近一次于 {1}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingCasesEditor</name>
    <message>
        <source>Cases to raise, in order</source>
        <translation>要提出的个案（按顺序）</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Add case…</source>
        <translation>添加个案…</translation>
    </message>
    <message>
        <source>Remove case</source>
        <translation>移除个案</translation>
    </message>
    <message>
        <source>Suggest cases</source>
        <translation>建议个案</translation>
    </message>
    <message>
        <source>What to ask for this person at this meeting</source>
        <translation>此次会见中要为此人提出的要求</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>Talking points</source>
        <translation>谈话要点</translation>
    </message>
    <message>
        <source>Cases to raise, in order (drag or use the buttons)</source>
        <translation>要提出的个案，按顺序（可拖动或使用按钮）</translation>
    </message>
    <message>
        <source>(a case that is no longer in the vault)</source>
        <translation>（已不在保险库中的个案）</translation>
    </message>
    <message>
        <source>(do not raise)</source>
        <translation>（请勿提出）</translation>
    </message>
</context>
<context>
    <name>MeetingForm</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Counterpart organisation</source>
        <translation>对方机构</translation>
    </message>
    <message>
        <source>Officials met</source>
        <translation>会见的官员</translation>
    </message>
    <message>
        <source>Show officials of every organisation</source>
        <translation>显示所有机构的官员</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Counterpart</source>
        <translation>对方</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Give the meeting a title; nothing was saved.</source>
        <translation>请为会见填写标题；未保存任何内容。</translation>
    </message>
    <message>
        <source>Write the meeting&apos;s date as a day, like 2027-01-15; nothing was saved.</source>
        <translation>请将会议日期写成具体日期，例如 2027-01-15；未保存任何内容。</translation>
    </message>
    <message>
        <source>Give the meeting a date and time; nothing was saved.</source>
        <translation>请为会见填写日期和时间；未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>MeetingTableModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Counterpart</source>
        <translation>会见对象</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>个案</translation>
    </message>
</context>
<context>
    <name>MeetingsScreen</name>
    <message>
        <source>New meeting</source>
        <translation>新建会见</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会见</translation>
    </message>
    <message>
        <source>No meetings yet. Press “New meeting” to plan one, then add the cases to raise there.</source>
        <translation>尚无会见。按“新建会见”安排一次会见，然后添加要在会上提出的个案。</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Record outcome…</source>
        <translation>记录结果…</translation>
    </message>
    <message>
        <source>Export dossier…</source>
        <translation>导出简报档案…</translation>
    </message>
    <message>
        <source>This meeting has changes that are not saved.</source>
        <translation>此会议有尚未保存的更改。</translation>
    </message>
    <message numerus="yes">
        <source>Outcome recorded: %n ask(s) logged.</source>
        <translation>
            <numerusform>已记录结果：记下 %n 次提请。</numerusform>
        </translation>
    </message>
    <message>
        <source>Something went wrong; nothing was changed.</source>
        <translation>出错了，未做任何更改。</translation>
    </message>
    <message>
        <source>Meeting saved.</source>
        <translation>会见已保存。</translation>
    </message>
    <message>
        <source>Delete meeting</source>
        <translation>删除会见</translation>
    </message>
    <message>
        <source>Delete this meeting and its list of cases? The cases themselves and any asks already recorded stay.</source>
        <translation>删除此会见及其个案列表？个案本身及已记录的交涉会保留。</translation>
    </message>
    <message>
        <source>Meeting deleted.</source>
        <translation>会见已删除。</translation>
    </message>
    <message>
        <source>Choose the counterpart organisation first: the suggestions are for the government you meet.</source>
        <translation>请先选择对方机构：建议的个案是针对你所会见的政府的。</translation>
    </message>
    <message>
        <source>No further cases to suggest for this counterpart.</source>
        <translation>此对方没有更多可建议的个案。</translation>
    </message>
    <message numerus="yes">
        <source>Added %n suggested case(s).</source>
        <translation>
            <numerusform>已添加 %n 个建议的个案。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the meeting before {0}.</source>
        <translation>请先保存会见，再{0}。</translation>
    </message>
    <message>
        <source>recording its outcome</source>
        <translation>记录其结果</translation>
    </message>
    <message>
        <source>This meeting has no cases to record an outcome for.</source>
        <translation>此会见没有可记录结果的个案。</translation>
    </message>
    <message>
        <source>the counterpart</source>
        <translation>会见对象</translation>
    </message>
    <message>
        <source>exporting its dossier</source>
        <translation>导出其简报档案</translation>
    </message>
    <message>
        <source>This meeting has no cases to raise; add some first.</source>
        <translation>此会见没有要提出的个案；请先添加。</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the case list or the whole vault (not encrypted)</source>
        <translation>导出个案列表或整个保险库（不加密）</translation>
    </message>
    <message>
        <source>Back up…</source>
        <translation>备份…</translation>
    </message>
    <message>
        <source>Save an encrypted backup of the whole vault</source>
        <translation>保存整个保险库的加密备份</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新建个案</translation>
    </message>
    <message>
        <source>Find a case</source>
        <translation>查找个案</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About Vigil</source>
        <translation>关于 Vigil</translation>
    </message>
    <message>
        <source>Vigil {0}

Encrypted case files and advocacy tracking for people detained or disappeared by a state.

Free software under the GNU General Public License, version 3 or later. Your vault is in:
{1}</source>
        <translation>Vigil {0}

为被国家拘押或强迫失踪者而设的加密个案档案与倡导追踪工具。

自由软件，依 GNU 通用公共许可证第 3 版或更新版本发布。你的保险库位于：
{1}</translation>
    </message>
</context>
<context>
    <name>OfficialForm</name>
    <message>
        <source>Edit official</source>
        <translation>编辑官员</translation>
    </message>
    <message>
        <source>Add official</source>
        <translation>添加官员</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Official&apos;s name, in any script</source>
        <translation>官员姓名，任何文字均可</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>职务(&amp;T)</translation>
    </message>
    <message>
        <source>Official&apos;s title</source>
        <translation>官员职务</translation>
    </message>
    <message>
        <source>Official&apos;s organisation</source>
        <translation>官员所属机构</translation>
    </message>
    <message>
        <source>No organisation</source>
        <translation>无所属机构</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>机构(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Country</source>
        <translation>国家(&amp;C)</translation>
    </message>
    <message>
        <source>Country code</source>
        <translation>国家代码</translation>
    </message>
    <message>
        <source>two letters, e.g. DE</source>
        <translation>两个字母，例如 DE</translation>
    </message>
    <message>
        <source>Name in original &amp;script</source>
        <translation>原文姓名(&amp;S)</translation>
    </message>
    <message>
        <source>Official&apos;s name in original script</source>
        <translation>官员的原文姓名</translation>
    </message>
    <message>
        <source>For example 王全璋 or تۇرسۇن</source>
        <translation>例如 王全璋 或 تۇرسۇن</translation>
    </message>
    <message>
        <source>Official&apos;s level</source>
        <translation>官员级别</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation>级别(&amp;L)</translation>
    </message>
    <message>
        <source>Notes on the official</source>
        <translation>关于该官员的备注</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>识别信息</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职衔</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Sanctions</source>
        <translation>制裁</translation>
    </message>
    <message>
        <source>Regime</source>
        <translation>制裁机制</translation>
    </message>
    <message>
        <source>Listed on</source>
        <translation>列入日期</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>A date in the lists is not a date; use YYYY, YYYY-MM or YYYY-MM-DD, with ~ if approximate.</source>
        <translation>列表中的某个日期无效；请使用 YYYY、YYYY-MM 或 YYYY-MM-DD，如为约数请加 ~。</translation>
    </message>
    <message>
        <source>Enter the official&apos;s name.</source>
        <translation>请输入官员姓名。</translation>
    </message>
</context>
<context>
    <name>OrganisationForm</name>
    <message>
        <source>Edit organisation</source>
        <translation>编辑机构</translation>
    </message>
    <message>
        <source>Add organisation</source>
        <translation>添加机构</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <source>&amp;Country</source>
        <translation>国家(&amp;C)</translation>
    </message>
    <message>
        <source>Country code</source>
        <translation>国家代码</translation>
    </message>
    <message>
        <source>two letters, e.g. DE</source>
        <translation>两个字母，例如 DE</translation>
    </message>
    <message>
        <source>Kind of organisation</source>
        <translation>机构类型</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>Enter the organisation&apos;s name.</source>
        <translation>请输入机构名称。</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Record the outcome</source>
        <translation>记录结果</translation>
    </message>
    <message>
        <source>Each ticked case is recorded as an ask by {0} to {1}: what we asked them. It never counts as them raising the case; what they committed to do is their promise, with a follow-up.</source>
        <translation>每个勾选的个案都会记录为{0}向{1}提出的交涉，即我们对他们提出的要求。这绝不计为对方提出了该个案；对方承诺采取的行动记录为其承诺，并设跟进期限。</translation>
    </message>
    <message>
        <source>our organisation</source>
        <translation>本机构</translation>
    </message>
    <message>
        <source>Our organisation</source>
        <translation>本机构</translation>
    </message>
    <message>
        <source>Our organisation is not set yet: choose it here (it is kept, as in Settings).</source>
        <translation>尚未设置本机构：请在此选择（会像在“设置”中一样保存）。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Private (not to be quoted)</source>
        <translation>私下（不得引用）</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>Summary of the meeting</source>
        <translation>会见摘要</translation>
    </message>
    <message>
        <source>The asks were</source>
        <translation>交涉方式</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Choose our organisation: the asks are recorded as raised by it.</source>
        <translation>请选择本机构：这些交涉将记录为由本机构提出。</translation>
    </message>
    <message>
        <source>Tick at least one case that was raised.</source>
        <translation>请至少勾选一个已提出的个案。</translation>
    </message>
    <message>
        <source>A follow-up date must be a year, a month or a day, like 2025, 2025-03 or 2025-03-14.</source>
        <translation>跟进期限必须是年份、月份或具体日期，例如 2025、2025-03 或 2025-03-14。</translation>
    </message>
    <message>
        <source>Meeting still to come</source>
        <translation>会议尚未举行</translation>
    </message>
    <message>
        <source>This meeting is set for {0}, which has not come yet. Record its outcome now anyway, with the asks dated that day?</source>
        <translation>此会议定于 {0} 举行，尚未到来。仍要现在记录其结果，并将交涉日期记为当天吗？</translation>
    </message>
</context>
<context>
    <name>PartyField</name>
    <message>
        <source>Start typing a name, then pick from the list</source>
        <translation>开始输入姓名，然后从列表中选择</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>更改密码短语</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>当前密码短语</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新密码短语</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>再次输入新密码短语</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <source>The two new passphrases differ.</source>
        <translation>两次输入的新密码短语不一致。</translation>
    </message>
    <message>
        <source>At least {0} characters; a few unrelated words are best.</source>
        <translation>至少 {0} 个字符；最好由几个互不相关的词组成。</translation>
    </message>
    <message>
        <source>Weak: make it longer.</source>
        <translation>弱：请再加长一些。</translation>
    </message>
    <message>
        <source>Fair: a word or two more would make it strong.</source>
        <translation>中等：再加一两个词就会很强。</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>强。</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>正在更改密码短语…</translation>
    </message>
</context>
<context>
    <name>PdfExport</name>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>PDF password</source>
        <translation>PDF 密码</translation>
    </message>
    <message>
        <source>PDF password again</source>
        <translation>再次输入 PDF 密码</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>The two PDF passwords differ.</source>
        <translation>两次输入的 PDF 密码不一致。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PrepareDialog</name>
    <message>
        <source>Prepare</source>
        <translation>准备</translation>
    </message>
    <message>
        <source>Government</source>
        <translation>政府</translation>
    </message>
    <message>
        <source>Suggested cases</source>
        <translation>建议的个案</translation>
    </message>
    <message>
        <source>The cases this government has not raised, stalest first (released, deceased and do-not-raise cases left out). Untick those you will not raise.</source>
        <translation>此政府尚未提出的个案，最久未提出的在前（已获释、已死亡和请勿提出的个案除外）。取消勾选您不会提出的个案。</translation>
    </message>
    <message>
        <source>New meeting with these cases</source>
        <translation>用这些个案新建会议</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>never raised</source>
        <translation>从未提出</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>The first cases as they will be saved, or every problem that stops the import.</source>
        <translation>将要保存的前几个个案，或阻止导入的每一个问题。</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Name in original script</source>
        <translation>原文姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Reading the sheet…</source>
        <translation>正在读取工作表…</translation>
    </message>
    <message>
        <source>{0} new cases, {1} updated, {2} unchanged.</source>
        <translation>新建个案 {0} 个，更新 {1} 个，{2} 个未变。</translation>
    </message>
    <message>
        <source>Kept in the internal notes: {0}.</source>
        <translation>保留在内部备注中：{0}。</translation>
    </message>
    <message>
        <source>No column identifies a row: importing this sheet again would make every case again.</source>
        <translation>没有用于标识行的列：再次导入此表会把每个个案再建一次。</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was changed.</source>
        <translation>出现了问题；没有做任何更改。</translation>
    </message>
    <message>
        <source>Nothing can be imported until every problem is fixed ({0} listed). Go back to change the mapping, or fix the sheet and open it again.</source>
        <translation>必须先解决所有问题才能导入（共列出 {0} 个）。请返回修改映射，或修正表格后重新打开。</translation>
    </message>
</context>
<context>
    <name>RecordsDialog</name>
    <message>
        <source>Records counted</source>
        <translation>计入的记录</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>打开个案</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>public</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>private</source>
        <translation>私下</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Your new recovery key</source>
        <translation>你的新恢复密钥</translation>
    </message>
    <message>
        <source>Write this key on paper and keep it away from this computer. It opens the vault if you forget your passphrase. Vigil shows it only now.</source>
        <translation>请将此密钥抄写在纸上，并存放在远离这台电脑的地方。如果你忘记了密码短语，可用它打开保险库。Vigil 只会在此时显示它。</translation>
    </message>
    <message>
        <source>Then type group {0} of {1} from your paper:</source>
        <translation>然后根据你的纸质记录，输入 {1} 组中的第 {0} 组：</translation>
    </message>
    <message>
        <source>Group of the recovery key</source>
        <translation>恢复密钥分组</translation>
    </message>
    <message>
        <source>I wrote it down</source>
        <translation>我已抄写下来</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Your recovery key</source>
        <translation>你的恢复密钥</translation>
    </message>
    <message>
        <source>Creating the vault…</source>
        <translation>正在创建保险库…</translation>
    </message>
    <message>
        <source>Write this key on paper and keep it somewhere safe, away from this computer. It opens the vault if you forget your passphrase. Vigil shows it only now.</source>
        <translation>请将此密钥抄写在纸上，存放在安全且远离这台电脑的地方。如果你忘记了密码短语，可用它打开保险库。Vigil 只会在此时显示它。</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Prepare sanctions referral</source>
        <translation>准备制裁举报材料</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>Sanctions regime</source>
        <translation>制裁机制</translation>
    </message>
    <message>
        <source>Prepared for</source>
        <translation>准备对象</translation>
    </message>
    <message>
        <source>The sanctions team it goes to, printed on every page</source>
        <translation>接收材料的制裁部门，印在每一页上</translation>
    </message>
    <message>
        <source>Exculpatory information</source>
        <translation>可免责信息</translation>
    </message>
    <message>
        <source>Anything known that contradicts or mitigates the conduct</source>
        <translation>任何已知的、与所述行为相矛盾或可减轻其责任的信息</translation>
    </message>
    <message>
        <source>None known</source>
        <translation>未知有此类信息</translation>
    </message>
    <message>
        <source>Cases to include</source>
        <translation>要纳入的个案</translation>
    </message>
    <message>
        <source>These cases have private-only or unknown consent. Tick a case only if it may be named to this government; it is marked in the referral.</source>
        <translation>这些个案仅同意私下倡导或同意情况不明。只有在可以向该国政府提及其姓名时才勾选；勾选的个案会在材料中加以标注。</translation>
    </message>
    <message>
        <source>PDF password</source>
        <translation>PDF 密码</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>官员</translation>
    </message>
    <message>
        <source>Cases to confirm</source>
        <translation>需确认的个案</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>未纳入</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>private advocacy only</source>
        <translation>仅限私下倡导</translation>
    </message>
    <message>
        <source>consent unknown</source>
        <translation>同意情况不明</translation>
    </message>
    <message>
        <source>; nothing to show: confidential sources only</source>
        <translation>；无可显示内容：仅有保密来源</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Nothing.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Save the referral as</source>
        <translation>将举报材料另存为</translation>
    </message>
    <message>
        <source>Say who the referral is prepared for.</source>
        <translation>请填写材料的准备对象。</translation>
    </message>
    <message>
        <source>Give the exculpatory information known, or tick “None known”.</source>
        <translation>请填写已知的可免责信息，或勾选“未知有此类信息”。</translation>
    </message>
    <message>
        <source>Choose where to save the referral.</source>
        <translation>请选择材料的保存位置。</translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s) left out: their only sources are confidential.</source>
        <translation>
            <numerusform>%n 项陈述未纳入：其来源全部为机密。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n “do not raise” case(s) left out, with every claim made in them.</source>
        <translation>
            <numerusform>%n 个“请勿提出”的个案未纳入，其中的所有陈述亦未纳入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) with private-only or unknown consent left out (not ticked).</source>
        <translation>
            <numerusform>%n 个仅限内部或同意情况不明的个案未纳入（未勾选）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s) cite no source; the referral says so.</source>
        <translation>
            <numerusform>%n 项陈述没有引用来源；转介文件中会注明。</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the referral a file name in an existing folder.</source>
        <translation>请在已存在的文件夹中为材料指定文件名。</translation>
    </message>
</context>
<context>
    <name>ReferralExport</name>
    <message>
        <source>Writing the referral…</source>
        <translation>正在生成举报材料…</translation>
    </message>
    <message>
        <source>Prepare sanctions referral</source>
        <translation>准备制裁举报材料</translation>
    </message>
    <message>
        <source>The vault is locked; no referral was written.</source>
        <translation>保险库已锁定；未生成举报材料。</translation>
    </message>
    <message>
        <source>Cancelling the referral…</source>
        <translation>正在取消生成举报材料…</translation>
    </message>
    <message>
        <source>Something went wrong; no referral was written.</source>
        <translation>出现错误；未生成举报材料。</translation>
    </message>
    <message>
        <source>Wrote a {0}-page referral: {1} in {2}.</source>
        <translation>已写成 {0} 页的转介文件：{2}中的{1}。</translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n 项陈述</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n 个个案</numerusform>
        </translation>
    </message>
    <message>
        <source>Referral cancelled; nothing was written.</source>
        <translation>已取消；未写入任何内容。</translation>
    </message>
    <message>
        <source>It is protected by its PDF password.</source>
        <translation>该文件受 PDF 密码保护。</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Import bundle</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>The bundle is intact and signed by a verified colleague. Apply these changes?</source>
        <translation>此数据包完整无损，并由一位已核实的同事签名。要应用这些更改吗？</translation>
    </message>
    <message>
        <source>Put these cases on this laptop</source>
        <translation>把这些案件放到这台笔记本电脑上</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <source>Add a row to {0}</source>
        <translation>向{0}添加一行</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>Remove the row from {0}</source>
        <translation>从{0}删除该行</translation>
    </message>
</context>
<context>
    <name>ScorecardScreen</name>
    <message>
        <source>Asks counted</source>
        <translation>计入的交涉</translation>
    </message>
    <message>
        <source>Named cases raised</source>
        <translation>提出的具名个案</translation>
    </message>
    <message>
        <source>… at least once publicly</source>
        <translation>… 至少一次公开提出</translation>
    </message>
    <message>
        <source>… only privately</source>
        <translation>… 仅私下提出</translation>
    </message>
    <message>
        <source>Named cases raised at a high level</source>
        <translation>在高层级提出的具名个案</translation>
    </message>
    <message>
        <source>… publicly at a high level</source>
        <translation>… 在高层级公开提出</translation>
    </message>
    <message>
        <source>Cases to raise not raised at a high level</source>
        <translation>应提出但未在高层级提出的个案</translation>
    </message>
    <message>
        <source>High-level encounters with the detaining state</source>
        <translation>与拘押国的高层外交接触</translation>
    </message>
    <message>
        <source>… at which a named case was raised</source>
        <translation>… 其中提出了具名个案的</translation>
    </message>
    <message>
        <source>… at which a named case was raised publicly</source>
        <translation>… 其中公开提出了具名个案的</translation>
    </message>
    <message>
        <source>Ambassador summonses</source>
        <translation>召见大使</translation>
    </message>
    <message>
        <source>Senior encounters matched by a civil-society meeting within 30 days</source>
        <translation>30 天内有公民社会会面相配的高级别接触</translation>
    </message>
    <message>
        <source>Senior encounters without one</source>
        <translation>没有相配公民社会会面的高级别接触</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>逾期跟进</translation>
    </message>
    <message>
        <source>Cases raised at level: {0}</source>
        <translation>在此级别提出的个案：{0}</translation>
    </message>
    <message>
        <source>Asks answered: {0}</source>
        <translation>交涉答复：{0}</translation>
    </message>
    <message>
        <source>Governments</source>
        <translation>政府</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>记分卡</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>期间的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Tick one or more governments to compare them.</source>
        <translation>勾选一个或多个政府进行比较。</translation>
    </message>
    <message>
        <source>From {0} to {1}. Click a figure or a bar for the records it counts.</source>
        <translation>{0} 至 {1}。点击数字或条形可查看其计入的记录。</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{1} 次中 {0} 次</translation>
    </message>
    <message>
        <source>{0} of {1} ({2}%)</source>
        <translation>{1} 次中 {0} 次（{2}%）</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>Send changes</source>
        <translation>发送更改</translation>
    </message>
    <message>
        <source>Everything changed since your last bundle to them (the first bundle carries everything), encrypted to the colleagues you tick.</source>
        <translation>自你上次向对方发送数据包以来的所有更改（第一个数据包包含全部内容），将为你勾选的同事加密。</translation>
    </message>
    <message>
        <source>Verified colleagues</source>
        <translation>已核实的同事</translation>
    </message>
    <message>
        <source>It goes to the exchange folder.</source>
        <translation>它将放入交换文件夹。</translation>
    </message>
    <message>
        <source>You choose where to save it next.</source>
        <translation>接下来由你选择保存位置。</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>空闲多少分钟后锁定</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Clear copied text after this many seconds</source>
        <translation>多少秒后清除已复制的文本</translation>
    </message>
    <message>
        <source>Locking and the clipboard</source>
        <translation>锁定与剪贴板</translation>
    </message>
    <message>
        <source>Lock when idle for</source>
        <translation>空闲多久后锁定</translation>
    </message>
    <message>
        <source>Clear copied names and notes after</source>
        <translation>多久后清除已复制的姓名和备注</translation>
    </message>
    <message>
        <source>Unlock with this computer&apos;s keychain (no passphrase needed on this computer)</source>
        <translation>使用此电脑的系统钥匙串解锁（在此电脑上无需输入密码短语）</translation>
    </message>
    <message>
        <source>Remember on this computer</source>
        <translation>在此电脑上记住</translation>
    </message>
    <message>
        <source>Turn this off before travelling: anyone who can log in to this computer as you could then open the vault.</source>
        <translation>出行前请关闭此项：否则任何能以你的身份登录此电脑的人都可以打开保险库。</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>更改密码短语…</translation>
    </message>
    <message>
        <source>New recovery key…</source>
        <translation>新建恢复密钥…</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Make a backup now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>恢复备份…</translation>
    </message>
    <message>
        <source>Remove deleted items from snapshots</source>
        <translation>从快照中移除已删除的项目</translation>
    </message>
    <message>
        <source>The daily snapshots keep deleted cases until they are replaced (a week of use). This erases what was deleted from every snapshot now.</source>
        <translation>每日快照会保留已删除的个案，直到它们被替换（约一周的使用）。此操作会立即从每个快照中抹除已删除的内容。</translation>
    </message>
    <message>
        <source>A backup is one encrypted file (the same passphrase opens it). Keep one away from this computer. Vigil also keeps daily snapshots inside the vault folder.</source>
        <translation>备份是一个加密文件（用同一个密码短语即可打开）。请在远离这台电脑的地方保存一份。Vigil 还会在保险库文件夹内保留每日快照。</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The window switches to it at once; View → Language does the same.</source>
        <translation>窗口会立即切换到所选语言；“视图 → 语言”的作用相同。</translation>
    </message>
    <message>
        <source>Our organisation</source>
        <translation>本机构</translation>
    </message>
    <message>
        <source>Asks raised by our organisation record what we asked others to do (a meeting with an ambassador): they stay in each case&apos;s history but never count as a government raising the case.</source>
        <translation>本机构提出的交涉记录的是我们请他人做的事（例如与大使会面）：它们保留在个案的历史中，但绝不算作某政府提出了该个案。</translation>
    </message>
    <message>
        <source>Name on dossier covers</source>
        <translation>卷宗封面上的机构名称</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>Dossier covers will name: {0}</source>
        <translation>卷宗封面将写明：{0}</translation>
    </message>
    <message>
        <source>Dossier covers will name no organisation.</source>
        <translation>卷宗封面将不写明任何机构。</translation>
    </message>
    <message>
        <source>The system keychain is not available: {0}</source>
        <translation>系统钥匙串不可用：{0}</translation>
    </message>
    <message>
        <source>The system keychain could not be used.</source>
        <translation>无法使用系统钥匙串。</translation>
    </message>
    <message>
        <source>This computer&apos;s keychain now unlocks the vault.</source>
        <translation>现在可用此电脑的系统钥匙串解锁保险库。</translation>
    </message>
    <message>
        <source>This computer&apos;s keychain no longer unlocks the vault.</source>
        <translation>此电脑的系统钥匙串不再能解锁保险库。</translation>
    </message>
    <message>
        <source>The passphrase could not be changed.</source>
        <translation>无法更改密码短语。</translation>
    </message>
    <message>
        <source>The passphrase was changed. The old one no longer opens the vault.</source>
        <translation>密码短语已更改。旧密码短语已不能打开保险库。</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation>新建恢复密钥</translation>
    </message>
    <message>
        <source>Make a new recovery key? The old one stops working at once, so destroy the paper it is written on.</source>
        <translation>要新建恢复密钥吗？旧密钥将立即失效，请销毁写有旧密钥的纸张。</translation>
    </message>
    <message>
        <source>Save a backup</source>
        <translation>保存备份</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>正在写入备份…</translation>
    </message>
    <message>
        <source>Backup written. Keep a copy away from this computer.</source>
        <translation>备份已写入。请在远离这台电脑的地方保存一份副本。</translation>
    </message>
    <message>
        <source>Removing deleted items from the snapshots…</source>
        <translation>正在从快照中移除已删除的项目…</translation>
    </message>
    <message>
        <source>Snapshots rewritten without deleted items: {0}.</source>
        <translation>已重写、不含已删除项目的快照：{0} 个。</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <source>Choose an empty folder for the restored vault</source>
        <translation>为恢复的保险库选择一个空文件夹</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <source>The backup was restored into a new vault folder:
{0}

Open it now? This vault will be locked.</source>
        <translation>备份已恢复到一个新的保险库文件夹：
{0}

现在打开吗？当前保险库将被锁定。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>Create your vault</source>
        <translation>创建你的保险库</translation>
    </message>
    <message>
        <source>Vigil keeps your case files encrypted in one folder on this computer. Choose a passphrase you can remember: without it or the recovery key nobody can open the vault, not even us.</source>
        <translation>Vigil 将你的个案文件加密保存在这台电脑上的一个文件夹中。请选择一个你能记住的密码短语：没有它或恢复密钥，任何人都无法打开保险库，我们也不能。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Open an existing vault…</source>
        <translation>打开现有保险库…</translation>
    </message>
    <message>
        <source>Choose the folder of a vault you already have</source>
        <translation>选择你已有的保险库所在的文件夹</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>保险库文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>你的名称</translation>
    </message>
    <message>
        <source>Shown to colleagues you share with</source>
        <translation>向与你共享的同事显示</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码短语</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>再次输入密码短语</translation>
    </message>
    <message>
        <source>Remember on this computer (unlock with the system keychain)</source>
        <translation>在此电脑上记住（使用系统钥匙串解锁）</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>创建保险库</translation>
    </message>
    <message>
        <source>Folder for the vault</source>
        <translation>保险库所在文件夹</translation>
    </message>
    <message>
        <source>At least {0} characters; a few unrelated words are best.</source>
        <translation>至少 {0} 个字符；最好由几个互不相关的词组成。</translation>
    </message>
    <message>
        <source>Weak: make it longer.</source>
        <translation>弱：请再加长一些。</translation>
    </message>
    <message>
        <source>Fair: a word or two more would make it strong.</source>
        <translation>中等：再加一两个词就会很强。</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>强。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的密码短语不一致。</translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message>
        <source>a citizen</source>
        <translation>本国公民</translation>
    </message>
    <message>
        <source>raised without an answer</source>
        <translation>已提出但未获答复</translation>
    </message>
    <message>
        <source>never raised by them</source>
        <translation>对方从未提出</translation>
    </message>
    <message>
        <source>top priority</source>
        <translation>最高优先级</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Suggested cases</source>
        <translation>建议的个案</translation>
    </message>
    <message>
        <source>Tick the cases to add to this meeting&apos;s list.</source>
        <translation>勾选要加入此会议列表的个案。</translation>
    </message>
    <message>
        <source>Tick all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Tick none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Add ticked cases</source>
        <translation>添加勾选的个案</translation>
    </message>
</context>
<context>
    <name>TravelCasesDialog</name>
    <message>
        <source>Cases safe to travel</source>
        <translation>可随身携带的个案</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>按姓名筛选</translation>
    </message>
    <message>
        <source>Filter cases</source>
        <translation>筛选个案</translation>
    </message>
    <message>
        <source>Only what you tick stays on this laptop when you prepare for travel.</source>
        <translation>准备出行时，只有您勾选的个案会留在这台笔记本电脑上。</translation>
    </message>
</context>
<context>
    <name>TravelGroup</name>
    <message>
        <source>Travel</source>
        <translation>出行</translation>
    </message>
    <message>
        <source>Before crossing a border, leave on this laptop only the cases that are safe to carry. The others are removed, not hidden; a full backup, written first and checked, brings them back later (Restore a backup).</source>
        <translation>过境之前，只在这台笔记本电脑上保留可随身携带的个案。其余个案会被删除，而不是隐藏；事先写入并经过核对的完整备份，日后可将它们恢复（恢复备份）。</translation>
    </message>
    <message>
        <source>Choose cases safe to travel…</source>
        <translation>选择可随身携带的个案…</translation>
    </message>
    <message>
        <source>Prepare for travel…</source>
        <translation>准备出行…</translation>
    </message>
    <message>
        <source>Removing files was interrupted: run Prepare for travel again to finish.</source>
        <translation>删除文件时被中断：请再次运行“准备出行”以完成。</translation>
    </message>
    <message numerus="yes">
        <source>This vault is in travel mode since {0}: it holds %n case(s).</source>
        <translation>
            <numerusform>此保险库自 {0} 起处于出行模式：其中有 %n 个个案。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked safe to travel: {0} of %n case(s).</source>
        <translation>
            <numerusform>已标记为可随身携带：{0} / %n 个个案。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %n case(s) safe to travel.</source>
        <translation>
            <numerusform>已将 %n 个个案标记为可随身携带。</numerusform>
        </translation>
    </message>
    <message>
        <source>Where should the full backup go? (not on this laptop)</source>
        <translation>完整备份保存到哪里？（不要放在这台笔记本电脑上）</translation>
    </message>
    <message>
        <source>Prepare for travel</source>
        <translation>准备出行</translation>
    </message>
    <message>
        <source>Vigil will write a full backup to the file you chose, check it, then remove every case not marked safe to travel from this laptop, and forget the keychain. Take the backup off this laptop before you travel. Continue?</source>
        <translation>Vigil 将把完整备份写入您选择的文件并加以核对，然后从这台笔记本电脑上删除所有未标记为可随身携带的个案，并清除系统钥匙串中的记录。出行前请把备份从这台笔记本电脑上移走。继续吗？</translation>
    </message>
    <message>
        <source>Writing and checking the backup…</source>
        <translation>正在写入并核对备份…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>Ready to travel: %n case(s) kept, {0} removed.</source>
        <translation>
            <numerusform>可以出行了：保留 %n 个个案，移除 {0} 个。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bundle file(s) in the exchange folder would reveal the removed cases: delete them and stop the sync tool before you travel.</source>
        <translation>
            <numerusform>交换文件夹中有 %n 个数据包文件会暴露已移除的个案：出行前请删除它们并停止同步工具。</numerusform>
        </translation>
    </message>
    <message>
        <source>This vault has new keys: colleagues learn them from the next bundle you send them, and bundles sent to the old keys open only from the full backup.</source>
        <translation>此保险库已换用新密钥：同事会从你发给他们的下一个数据包中得知新密钥；发往旧密钥的数据包只能从完整备份中打开。</translation>
    </message>
    <message>
        <source>The backup is on this laptop: move it elsewhere before you travel.</source>
        <translation>备份在这台笔记本电脑上：出行前请把它移到别处。</translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>Unlock your vault</source>
        <translation>解锁你的保险库</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>保险库</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>保险库文件夹</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码短语</translation>
    </message>
    <message>
        <source>Use the recovery key instead</source>
        <translation>改用恢复密钥</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Unlock with this computer&apos;s keychain</source>
        <translation>使用此电脑的系统钥匙串解锁</translation>
    </message>
    <message>
        <source>This vault is remembered on this computer.</source>
        <translation>此电脑已记住该保险库。</translation>
    </message>
    <message>
        <source>Vault: {0}</source>
        <translation>保险库：{0}</translation>
    </message>
    <message>
        <source>Recovery key (nine groups)</source>
        <translation>恢复密钥（九组）</translation>
    </message>
</context>
<context>
    <name>Unlocker</name>
    <message>
        <source>Today&apos;s automatic snapshot could not be made: this vault is damaged or was tampered with. Restore it from a backup (vigil restore), or ask for help.</source>
        <translation>今天的自动快照未能生成：此保险库已损坏或遭篡改。请从备份恢复（vigil restore），或寻求帮助。</translation>
    </message>
    <message>
        <source>Today&apos;s automatic snapshot was not made: {0}</source>
        <translation>今天的自动快照未生成：{0}</translation>
    </message>
    <message>
        <source>Today&apos;s automatic snapshot was not made because of an internal error.</source>
        <translation>由于内部错误，今天的自动快照未生成。</translation>
    </message>
    <message>
        <source>This vault is damaged or was tampered with. Restore it from a backup (vigil restore), or ask for help.</source>
        <translation>此保险库已损坏或遭篡改。请从备份恢复（vigil restore），或寻求帮助。</translation>
    </message>
    <message>
        <source>Vigil could not open the vault because of an internal error.</source>
        <translation>由于内部错误，Vigil 无法打开保险库。</translation>
    </message>
</context>
<context>
    <name>Unsaved</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
</context>
<context>
    <name>ValuesPage</name>
    <message>
        <source>Values</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>What each value of a list column means. A value left unmapped is a problem the preview lists.</source>
        <translation>选项列中每个值的含义。未映射的值会作为问题列在预览中。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value in the sheet</source>
        <translation>表中的值</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>(not mapped)</source>
        <translation>（未映射）</translation>
    </message>
</context>
<context>
    <name>VaultContext</name>
    <message>
        <source>The changes you had not saved when Vigil locked could not be kept.</source>
        <translation>Vigil 锁定时未保存的更改未能保留。</translation>
    </message>
    <message>
        <source>This computer&apos;s date is {0}, more than a day after this vault&apos;s last change ({1}). If the date and time are right, save. If not, correct the computer&apos;s clock first: changes stamped in the future are refused by your colleagues.</source>
        <translation>这台电脑的日期是 {0}，比本保险库的最后一次更改（{1}）晚了一天以上。如果日期和时间正确，请保存；如果不正确，请先校正电脑时钟：标记为未来时间的更改会被同事拒绝。</translation>
    </message>
    <message>
        <source>Check the date</source>
        <translation>请核对日期</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was changed.</source>
        <translation>出错了，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify a colleague</source>
        <translation>核实同事</translation>
    </message>
    <message>
        <source>Call {0} or meet them, and ask them to read their fingerprint aloud. It must be exactly:</source>
        <translation>给{0}打电话或与其见面，请对方大声读出其指纹。指纹必须完全一致：</translation>
    </message>
    <message>
        <source>Then read them yours, for them to check:
{0}</source>
        <translation>然后把您的指纹读给对方核对：
{0}</translation>
    </message>
    <message>
        <source>Did they read you exactly this?</source>
        <translation>对方读给你的是否与此完全一致？</translation>
    </message>
    <message>
        <source>Yes, exactly this</source>
        <translation>是，完全一致</translation>
    </message>
    <message>
        <source>No, or not sure</source>
        <translation>否，或不确定</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Exported to {0}: it is not encrypted.</source>
        <translation>已导出到 {0}：该文件未加密。</translation>
    </message>
</context>
</TS>
