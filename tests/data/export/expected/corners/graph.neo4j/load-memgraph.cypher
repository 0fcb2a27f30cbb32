// Load a tipgraph export into Memgraph with LOAD CSV.
// The CSVs are read from the server's file system: copy them into the folder
// named below (tipgraph export --memgraph-dir DIR writes another), then run
//   mgconsole < load-memgraph.cypher
// Large graphs load faster after STORAGE MODE IN_MEMORY_ANALYTICAL; (Memgraph's advice).
// Every node has the label Resource and a unique uri (its IRI); load into an empty graph.
// Arrays are joined with '|'. Large graphs into Neo4j: prefer import.sh.

CREATE INDEX ON :Resource(uri);

CREATE CONSTRAINT ON (n:Resource) ASSERT n.uri IS UNIQUE;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_Bulletin.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Bulletin`:`Document`
SET n.`datePartial` = row.`datePartial:string`,
    n.`dcterms_title` = row.`dcterms_title:string`,
    n.`label` = split(row.`label:string[]`, '|');

LOAD CSV FROM '/var/lib/memgraph/import/nodes_CivilSocietyOrganization.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`CivilSocietyOrganization`:`Actor`:`Organization`
SET n.`label` = split(row.`label:string[]`, '|'),
    n.`since` = date(row.`since:date`),
    n.`sincePartial` = row.`sincePartial:string`;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_Mention.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Mention`
SET n.`anchorText` = row.`anchorText:string`,
    n.`end` = toInteger(row.`end:long`),
    n.`start` = toInteger(row.`start:long`);

LOAD CSV FROM '/var/lib/memgraph/import/nodes_Person.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Person`:`Actor`
SET n.`altLabel` = split(row.`altLabel:string[]`, '|'),
    n.`knownFor` = split(row.`knownFor:string[]`, '|'),
    n.`label` = split(row.`label:string[]`, '|'),
    n.`rdfType` = row.`rdfType:string`,
    n.`sameAs` = row.`sameAs:string`,
    n.`title` = row.`title:string`;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_Resource.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n.`label` = split(row.`label:string[]`, '|');

LOAD CSV FROM '/var/lib/memgraph/import/nodes_Statement.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Statement`:`Document`
SET n.`date` = date(row.`date:date`),
    n.`label` = split(row.`label:string[]`, '|');

LOAD CSV FROM '/var/lib/memgraph/import/nodes_Statistic.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Statistic`:`Claim`
SET n.`confidence` = toFloat(row.`confidence:double`),
    n.`quantity` = [x IN split(row.`quantity:double[]`, '|') | toFloat(x)],
    n.`sentence` = row.`sentence:string`,
    n.`verified` = toBoolean(row.`verified:boolean`);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_CLAIMANT.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`CLAIMANT`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_DOCUMENT.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`DOCUMENT`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_EVIDENCE.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`EVIDENCE`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_KNOWN_FOR.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`KNOWN_FOR`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_MEMBER_OF.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`MEMBER_OF`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_MENTION.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`MENTION`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_MENTIONED_IN.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`MENTIONED_IN`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_POINTS.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`POINTS`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_RANGE.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`RANGE`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_SPEAKER.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`SPEAKER`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_STATED_IN.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`STATED_IN`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_SUB_CLASS_OF.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`SUB_CLASS_OF`]->(b);
