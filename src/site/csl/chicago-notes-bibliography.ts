/** A reduced CSL style of ours (see its <summary>), as a module so that the browser's Cite dialog and the build's worker threads load it alike. */
export default `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" default-locale="en-US" demote-non-dropping-particle="never">
  <info>
    <title>Chicago Manual of Style 17th edition (notes and bibliography), for news articles and web pages</title>
    <id>https://corpus.example/csl/chicago-notes-bibliography</id>
    <author><name>Annotated Source Corpus editors</name></author>
    <category citation-format="note"/>
    <summary>A reduced Chicago notes-and-bibliography style covering the two item types this site cites (article-newspaper and webpage), written because no package on the npm registry ships the CSL project's chicago-notes-bibliography.csl. Follows CMOS 17, 14.191 (news articles) and 14.206 (web pages).</summary>
    <updated>2026-11-23T00:00:00+00:00</updated>
    <rights license="http://creativecommons.org/licenses/by-sa/3.0/">This work is licensed under a Creative Commons Attribution-ShareAlike 3.0 License</rights>
  </info>
  <macro name="author-note">
    <names variable="author">
      <name and="text" delimiter=", " delimiter-precedes-last="always"/>
    </names>
  </macro>
  <macro name="author-bibliography">
    <names variable="author">
      <name name-as-sort-order="first" and="text" sort-separator=", " delimiter=", " delimiter-precedes-last="always"/>
    </names>
  </macro>
  <macro name="title">
    <text variable="title" text-case="title" quotes="true"/>
  </macro>
  <macro name="issued">
    <date variable="issued" form="text"/>
  </macro>
  <macro name="accessed">
    <group delimiter=" ">
      <text term="accessed"/>
      <date variable="accessed" form="text"/>
    </group>
  </macro>
  <macro name="accessed-sentence">
    <group delimiter=" ">
      <text term="accessed" text-case="capitalize-first"/>
      <date variable="accessed" form="text"/>
    </group>
  </macro>
  <macro name="locator">
    <group delimiter=" ">
      <label variable="locator" form="short"/>
      <text variable="locator"/>
    </group>
  </macro>
  <macro name="sort-key">
    <choose>
      <if variable="author">
        <names variable="author"><name name-as-sort-order="all"/></names>
      </if>
      <else>
        <text variable="title"/>
      </else>
    </choose>
  </macro>
  <citation>
    <layout suffix="." delimiter="; ">
      <choose>
        <if type="article-newspaper">
          <group delimiter=", ">
            <text macro="author-note"/>
            <text macro="title"/>
            <text variable="container-title" font-style="italic"/>
            <text macro="issued"/>
            <text macro="locator"/>
            <text variable="URL"/>
          </group>
        </if>
        <else>
          <group delimiter=", ">
            <text macro="author-note"/>
            <text macro="title"/>
            <text variable="genre"/>
            <text variable="container-title"/>
            <text macro="issued"/>
            <text macro="locator"/>
            <text macro="accessed"/>
            <text variable="URL"/>
          </group>
        </else>
      </choose>
    </layout>
  </citation>
  <bibliography hanging-indent="true" entry-spacing="0">
    <sort>
      <key macro="sort-key"/>
      <key variable="issued"/>
    </sort>
    <layout suffix=".">
      <choose>
        <if type="article-newspaper">
          <group delimiter=". ">
            <text macro="author-bibliography"/>
            <text macro="title"/>
            <group delimiter=", ">
              <text variable="container-title" font-style="italic"/>
              <text macro="issued"/>
            </group>
            <text variable="URL"/>
          </group>
        </if>
        <else>
          <group delimiter=". ">
            <text macro="author-bibliography"/>
            <text macro="title"/>
            <text variable="genre" text-case="capitalize-first"/>
            <text variable="container-title"/>
            <text macro="issued"/>
            <text macro="accessed-sentence"/>
            <text variable="URL"/>
          </group>
        </else>
      </choose>
    </layout>
  </bibliography>
</style>
`;
