// Load a tipgraph export into Neo4j 5 with LOAD CSV, 1,000 rows per transaction.
// Copy the CSV files of this folder into the database's import folder
// (file:///name.csv is read from there: server.directories.import), then run
//   cypher-shell -u neo4j -p PASSWORD -f load.cypher
// (CALL { ... } IN TRANSACTIONS needs an implicit transaction: cypher-shell gives
// one; in Neo4j Browser prefix each statement with :auto).
// Every node has the label Resource and a unique uri (its IRI); load into an empty graph.
// Arrays are joined with '|'. Large graphs into Neo4j: prefer import.sh.

CREATE CONSTRAINT resource_uri IF NOT EXISTS FOR (n:Resource) REQUIRE n.uri IS UNIQUE;

CALL db.awaitIndexes(300);

LOAD CSV WITH HEADERS FROM 'file:///nodes_Bulletin.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`Bulletin`:`Document`
  SET n.`datePartial` = row.`datePartial:string`,
      n.`dcterms_title` = row.`dcterms_title:string`,
      n.`label` = split(row.`label:string[]`, '|')
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_CivilSocietyOrganization.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`CivilSocietyOrganization`:`Actor`:`Organization`
  SET n.`label` = split(row.`label:string[]`, '|'),
      n.`since` = date(row.`since:date`),
      n.`sincePartial` = row.`sincePartial:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_Mention.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`Mention`
  SET n.`anchorText` = row.`anchorText:string`,
      n.`end` = toInteger(row.`end:long`),
      n.`start` = toInteger(row.`start:long`)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_Person.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`Person`:`Actor`
  SET n.`altLabel` = split(row.`altLabel:string[]`, '|'),
      n.`knownFor` = split(row.`knownFor:string[]`, '|'),
      n.`label` = split(row.`label:string[]`, '|'),
      n.`rdfType` = row.`rdfType:string`,
      n.`sameAs` = row.`sameAs:string`,
      n.`title` = row.`title:string`
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_Resource.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n.`label` = split(row.`label:string[]`, '|')
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_Statement.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`Statement`:`Document`
  SET n.`date` = date(row.`date:date`),
      n.`label` = split(row.`label:string[]`, '|')
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///nodes_Statistic.csv' AS row
CALL {
  WITH row
  MERGE (n:Resource {uri: row.`uri:ID`})
  SET n:`Statistic`:`Claim`
  SET n.`confidence` = toFloat(row.`confidence:double`),
      n.`quantity` = [x IN split(row.`quantity:double[]`, '|') | toFloat(x)],
      n.`sentence` = row.`sentence:string`,
      n.`verified` = toBoolean(row.`verified:boolean`)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_CLAIMANT.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`CLAIMANT`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_DOCUMENT.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`DOCUMENT`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_EVIDENCE.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`EVIDENCE`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_KNOWN_FOR.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`KNOWN_FOR`]->(b)
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

LOAD CSV WITH HEADERS FROM 'file:///relationships_POINTS.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`POINTS`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;

LOAD CSV WITH HEADERS FROM 'file:///relationships_RANGE.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`RANGE`]->(b)
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

LOAD CSV WITH HEADERS FROM 'file:///relationships_SUB_CLASS_OF.csv' AS row
CALL {
  WITH row
  MATCH (a:Resource {uri: row.`:START_ID`})
  MATCH (b:Resource {uri: row.`:END_ID`})
  CREATE (a)-[:`SUB_CLASS_OF`]->(b)
} IN TRANSACTIONS OF 1000 ROWS;
