// Load a tipgraph export into Neo4j 5 with LOAD CSV, 1,000 rows per transaction.
// Copy the CSV files of this folder into the database's import folder
// (file:///name.csv is read from there: server.directories.import), then run
//   cypher-shell -u neo4j -p PASSWORD -f load.cypher
// (CALL { ... } IN TRANSACTIONS needs an implicit transaction: cypher-shell gives
// one; in Neo4j Browser prefix each statement with :auto).
// Every node has the label Resource and a unique uri (its IRI); load into an empty graph.
// Arrays are joined with ';'. Large graphs into Neo4j: prefer import.sh.

CREATE CONSTRAINT resource_uri IF NOT EXISTS FOR (n:Resource) REQUIRE n.uri IS UNIQUE;

CALL db.awaitIndexes(300);

LOAD CSV WITH HEADERS FROM 'file:///nodes_Assertion.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`Assertion`:`Claim`
  SET n.`end` = toInteger(row.`end:long`),
      n.`label` = row.`label:string`,
      n.`start` = toInteger(row.`start:long`),
      n.`text` = row.`text:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_CallToAction.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`CallToAction`:`Claim`
  SET n.`date` = date(row.`date:date`),
      n.`end` = toInteger(row.`end:long`),
      n.`label` = row.`label:string`,
      n.`start` = toInteger(row.`start:long`),
      n.`text` = row.`text:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_CivilSocietyOrganization.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`CivilSocietyOrganization`:`Actor`:`Organization`
  SET n.`label` = row.`label:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_Commitment.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`Commitment`:`Claim`
  SET n.`end` = toInteger(row.`end:long`),
      n.`label` = row.`label:string`,
      n.`start` = toInteger(row.`start:long`),
      n.`text` = row.`text:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_Conference.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`Conference`:`Event`
  SET n.`date` = date(row.`date:date`),
      n.`label` = row.`label:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_Country.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`Country`:`Actor`
  SET n.`altLabel` = split(row.`altLabel:string[]`, ';'),
      n.`isoCode` = row.`isoCode:string`,
      n.`label` = row.`label:string`,
      n.`sameAs` = row.`sameAs:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_Criticism.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`Criticism`:`Claim`
  SET n.`end` = toInteger(row.`end:long`),
      n.`label` = row.`label:string`,
      n.`start` = toInteger(row.`start:long`),
      n.`text` = row.`text:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_Endorsement.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`Endorsement`:`Claim`
  SET n.`end` = toInteger(row.`end:long`),
      n.`label` = row.`label:string`,
      n.`start` = toInteger(row.`start:long`),
      n.`text` = row.`text:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_GovernmentBody.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`GovernmentBody`:`Actor`:`Organization`
  SET n.`altLabel` = split(row.`altLabel:string[]`, ';'),
      n.`label` = row.`label:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_Instrument.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`Instrument`
  SET n.`altLabel` = split(row.`altLabel:string[]`, ';'),
      n.`label` = row.`label:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_InternationalOrganization.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`InternationalOrganization`:`Actor`:`Organization`
  SET n.`altLabel` = split(row.`altLabel:string[]`, ';'),
      n.`label` = row.`label:string`,
      n.`sameAs` = row.`sameAs:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_MediaOrganization.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`MediaOrganization`:`Actor`:`Organization`
  SET n.`altLabel` = split(row.`altLabel:string[]`, ';'),
      n.`label` = row.`label:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_Meeting.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`Meeting`:`Event`
  SET n.`label` = row.`label:string`,
      n.`relativeDate` = row.`relativeDate:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_Membership.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`Membership`
  SET n.`since` = row.`since:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_Mention.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`Mention`
  SET n.`anchorText` = row.`anchorText:string`,
      n.`end` = toInteger(row.`end:long`),
      n.`sentence` = row.`sentence:string`,
      n.`start` = toInteger(row.`start:long`)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_NewsArticle.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`NewsArticle`:`Document`
  SET n.`date` = date(row.`date:date`),
      n.`dcterms_title` = row.`dcterms_title:string`,
      n.`label` = row.`label:string`,
      n.`sourceFile` = row.`sourceFile:string`,
      n.`sourceUrl` = row.`sourceUrl:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_Person.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`Person`:`Actor`
  SET n.`altLabel` = split(row.`altLabel:string[]`, ';'),
      n.`label` = row.`label:string`,
      n.`title` = row.`title:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_Place.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`Place`
  SET n.`label` = row.`label:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_Region.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`Region`
  SET n.`label` = row.`label:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_Speech.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`Speech`:`Document`
  SET n.`date` = date(row.`date:date`),
      n.`dcterms_title` = row.`dcterms_title:string`,
      n.`label` = row.`label:string`,
      n.`sourceFile` = row.`sourceFile:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_Statistic.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`Statistic`:`Claim`
  SET n.`end` = toInteger(row.`end:long`),
      n.`label` = row.`label:string`,
      n.`period` = row.`period:string`,
      n.`quantity` = toFloat(row.`quantity:double`),
      n.`start` = toInteger(row.`start:long`),
      n.`text` = row.`text:string`,
      n.`unit` = row.`unit:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_ABOUT.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`ABOUT`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_ADDRESSEE.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`ADDRESSEE`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_AFFILIATED_WITH.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`AFFILIATED_WITH`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_AUTHOR.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`AUTHOR`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_CITES_SOURCE.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`CITES_SOURCE`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_CLAIMANT.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`CLAIMANT`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_DELIVERED_AT.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`DELIVERED_AT`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_DESTINATION_COUNTRY.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`DESTINATION_COUNTRY`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_DOCUMENT.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`DOCUMENT`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_HOST.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`HOST`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_LOCATED_IN.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`LOCATED_IN`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_LOCATION.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`LOCATION`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_MEMBER.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`MEMBER`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_MEMBER_OF.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`MEMBER_OF`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_MENTION.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`MENTION`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_MENTIONED_IN.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`MENTIONED_IN`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_ON_BEHALF_OF.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`ON_BEHALF_OF`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_ORGANIZATION.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`ORGANIZATION`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_ORGANIZER.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`ORGANIZER`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_PARTICIPANT.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`PARTICIPANT`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_PART_OF.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`PART_OF`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_PUBLISHER.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`PUBLISHER`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_QUOTES.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`QUOTES`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_SOURCE_COUNTRY.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`SOURCE_COUNTRY`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_SPEAKER.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`SPEAKER`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_STATED_IN.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`STATED_IN`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_TRANSIT_COUNTRY.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`TRANSIT_COUNTRY`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;
