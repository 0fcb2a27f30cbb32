// Load a tipgraph export into FalkorDB with LOAD CSV.
// Start FalkorDB with IMPORT_FOLDER set to this folder (or copy the CSVs into
// its import folder): file://name.csv is read from there. Run each statement
// (they end with ';') with GRAPH.QUERY, e.g. from Python: graph.query(statement).
// FalkorDB has no IN TRANSACTIONS; each file loads in one query.
// Every node has the label Resource and a unique uri (its IRI); load into an empty graph.
// Arrays are joined with '|'. Large graphs into Neo4j: prefer import.sh.

CREATE INDEX FOR (n:Resource) ON (n.uri);

LOAD CSV WITH HEADERS FROM 'file://nodes_Bulletin.csv' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Bulletin`:`Document`
SET n.`datePartial` = row.`datePartial:string`,
    n.`dcterms_title` = row.`dcterms_title:string`,
    n.`label` = split(row.`label:string[]`, '|');

LOAD CSV WITH HEADERS FROM 'file://nodes_CivilSocietyOrganization.csv' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`CivilSocietyOrganization`:`Actor`:`Organization`
SET n.`label` = split(row.`label:string[]`, '|'),
    n.`since` = date(row.`since:date`),
    n.`sincePartial` = row.`sincePartial:string`;

LOAD CSV WITH HEADERS FROM 'file://nodes_Mention.csv' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Mention`
SET n.`anchorText` = row.`anchorText:string`,
    n.`end` = toInteger(row.`end:long`),
    n.`start` = toInteger(row.`start:long`);

LOAD CSV WITH HEADERS FROM 'file://nodes_Person.csv' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Person`:`Actor`
SET n.`altLabel` = split(row.`altLabel:string[]`, '|'),
    n.`knownFor` = split(row.`knownFor:string[]`, '|'),
    n.`label` = split(row.`label:string[]`, '|'),
    n.`rdfType` = row.`rdfType:string`,
    n.`sameAs` = row.`sameAs:string`,
    n.`title` = row.`title:string`;

LOAD CSV WITH HEADERS FROM 'file://nodes_Resource.csv' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n.`label` = split(row.`label:string[]`, '|');

LOAD CSV WITH HEADERS FROM 'file://nodes_Statement.csv' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Statement`:`Document`
SET n.`date` = date(row.`date:date`),
    n.`label` = split(row.`label:string[]`, '|');

LOAD CSV WITH HEADERS FROM 'file://nodes_Statistic.csv' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Statistic`:`Claim`
SET n.`confidence` = toFloat(row.`confidence:double`),
    n.`quantity` = [x IN split(row.`quantity:double[]`, '|') | toFloat(x)],
    n.`sentence` = row.`sentence:string`,
    n.`verified` = toBoolean(row.`verified:boolean`);

LOAD CSV WITH HEADERS FROM 'file://relationships_CLAIMANT.csv' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`CLAIMANT`]->(b);

LOAD CSV WITH HEADERS FROM 'file://relationships_DOCUMENT.csv' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`DOCUMENT`]->(b);

LOAD CSV WITH HEADERS FROM 'file://relationships_EVIDENCE.csv' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`EVIDENCE`]->(b);

LOAD CSV WITH HEADERS FROM 'file://relationships_KNOWN_FOR.csv' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`KNOWN_FOR`]->(b);

LOAD CSV WITH HEADERS FROM 'file://relationships_MEMBER_OF.csv' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`MEMBER_OF`]->(b);

LOAD CSV WITH HEADERS FROM 'file://relationships_MENTION.csv' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`MENTION`]->(b);

LOAD CSV WITH HEADERS FROM 'file://relationships_MENTIONED_IN.csv' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`MENTIONED_IN`]->(b);

LOAD CSV WITH HEADERS FROM 'file://relationships_POINTS.csv' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`POINTS`]->(b);

LOAD CSV WITH HEADERS FROM 'file://relationships_RANGE.csv' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`RANGE`]->(b);

LOAD CSV WITH HEADERS FROM 'file://relationships_SPEAKER.csv' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`SPEAKER`]->(b);

LOAD CSV WITH HEADERS FROM 'file://relationships_STATED_IN.csv' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`STATED_IN`]->(b);

LOAD CSV WITH HEADERS FROM 'file://relationships_SUB_CLASS_OF.csv' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`SUB_CLASS_OF`]->(b);
