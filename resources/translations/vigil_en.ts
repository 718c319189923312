<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>Added and encrypted: %n file(s).</source>
        <translation>
            <numerusform>Added and encrypted: %n file.</numerusform>
            <numerusform>Added and encrypted: %n files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) held</source>
        <translation>
            <numerusform>%n year held</numerusform>
            <numerusform>%n years held</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ColleaguesScreen</name>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attachment(s)</source>
        <translation>
            <numerusform>%n attachment</numerusform>
            <numerusform>%n attachments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DossierExport</name>
    <message numerus="yes">
        <source>Note: %n photo(s) could not be read; the dossier shows a placeholder instead.</source>
        <translation>
            <numerusform>Note: %n photo could not be read; the dossier shows a placeholder instead.</numerusform>
            <numerusform>Note: %n photos could not be read; the dossier shows placeholders instead.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Copied; it leaves the clipboard in %n second(s).</source>
        <translation>
            <numerusform>Copied; it leaves the clipboard in %n second.</numerusform>
            <numerusform>Copied; it leaves the clipboard in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message numerus="yes">
        <source>{0}: raised %n time(s), last on {1}</source>
        <translation>
            <numerusform>{0}: raised %n time, last on {1}</numerusform>
            <numerusform>{0}: raised %n times, last on {1}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingsScreen</name>
    <message numerus="yes">
        <source>Added %n suggested case(s).</source>
        <translation>
            <numerusform>Added %n suggested case.</numerusform>
            <numerusform>Added %n suggested cases.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Outcome recorded: %n ask(s) logged.</source>
        <translation>
            <numerusform>Outcome recorded: %n ask logged.</numerusform>
            <numerusform>Outcome recorded: %n asks logged.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message numerus="yes">
        <source>%n claim(s) left out: their only sources are confidential.</source>
        <translation>
            <numerusform>%n claim left out: its only sources are confidential.</numerusform>
            <numerusform>%n claims left out: their only sources are confidential.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n “do not raise” case(s) left out, with every claim made in them.</source>
        <translation>
            <numerusform>%n “do not raise” case left out, with every claim made in it.</numerusform>
            <numerusform>%n “do not raise” cases left out, with every claim made in them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) with private-only or unknown consent left out (not ticked).</source>
        <translation>
            <numerusform>%n case with private-only or unknown consent left out (not ticked).</numerusform>
            <numerusform>%n cases with private-only or unknown consent left out (not ticked).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s) cite no source; the referral says so.</source>
        <translation>
            <numerusform>%n claim cites no source; the referral says so.</numerusform>
            <numerusform>%n claims cite no source; the referral says so.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReferralExport</name>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n claim</numerusform>
            <numerusform>%n claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TravelGroup</name>
    <message numerus="yes">
        <source>This vault is in travel mode since {0}: it holds %n case(s).</source>
        <translation>
            <numerusform>This vault is in travel mode since {0}: it holds %n case.</numerusform>
            <numerusform>This vault is in travel mode since {0}: it holds %n cases.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked safe to travel: {0} of %n case(s).</source>
        <translation>
            <numerusform>Marked safe to travel: {0} of %n case.</numerusform>
            <numerusform>Marked safe to travel: {0} of %n cases.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %n case(s) safe to travel.</source>
        <translation>
            <numerusform>Marked %n case safe to travel.</numerusform>
            <numerusform>Marked %n cases safe to travel.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ready to travel: %n case(s) kept, {0} removed.</source>
        <translation>
            <numerusform>Ready to travel: %n case kept, {0} removed.</numerusform>
            <numerusform>Ready to travel: %n cases kept, {0} removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bundle file(s) in the exchange folder would reveal the removed cases: delete them and stop the sync tool before you travel.</source>
        <translation>
            <numerusform>%n bundle file in the exchange folder would reveal the removed cases: delete it and stop the sync tool before you travel.</numerusform>
            <numerusform>%n bundle files in the exchange folder would reveal the removed cases: delete them and stop the sync tool before you travel.</numerusform>
        </translation>
    </message>
</context>
</TS>
