// Load a tipgraph export into Memgraph with LOAD CSV.
// The CSVs are read from the server's file system: copy them into the folder
// named below (tipgraph export --memgraph-dir DIR writes another), then run
//   mgconsole < load-memgraph.cypher
// Large graphs load faster after STORAGE MODE IN_MEMORY_ANALYTICAL; (Memgraph's advice).
// Every node has the label Resource and a unique uri (its IRI); load into an empty graph.
// Arrays are joined with ';'. Large graphs into Neo4j: prefer import.sh.

CREATE INDEX ON :Resource(uri);

CREATE CONSTRAINT ON (n:Resource) ASSERT n.uri IS UNIQUE;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_Assertion.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Assertion`:`Claim`
SET n.`end` = toInteger(row.`end:long`),
    n.`label` = row.`label:string`,
    n.`start` = toInteger(row.`start:long`),
    n.`text` = row.`text:string`;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_CallToAction.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`CallToAction`:`Claim`
SET n.`date` = date(row.`date:date`),
    n.`end` = toInteger(row.`end:long`),
    n.`label` = row.`label:string`,
    n.`start` = toInteger(row.`start:long`),
    n.`text` = row.`text:string`;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_CivilSocietyOrganization.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`CivilSocietyOrganization`:`Actor`:`Organization`
SET n.`label` = row.`label:string`;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_Commitment.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Commitment`:`Claim`
SET n.`end` = toInteger(row.`end:long`),
    n.`label` = row.`label:string`,
    n.`start` = toInteger(row.`start:long`),
    n.`text` = row.`text:string`;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_Conference.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Conference`:`Event`
SET n.`date` = date(row.`date:date`),
    n.`label` = row.`label:string`;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_Country.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Country`:`Actor`
SET n.`altLabel` = split(row.`altLabel:string[]`, ';'),
    n.`isoCode` = row.`isoCode:string`,
    n.`label` = row.`label:string`,
    n.`sameAs` = row.`sameAs:string`;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_Criticism.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Criticism`:`Claim`
SET n.`end` = toInteger(row.`end:long`),
    n.`label` = row.`label:string`,
    n.`start` = toInteger(row.`start:long`),
    n.`text` = row.`text:string`;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_Endorsement.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Endorsement`:`Claim`
SET n.`end` = toInteger(row.`end:long`),
    n.`label` = row.`label:string`,
    n.`start` = toInteger(row.`start:long`),
    n.`text` = row.`text:string`;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_GovernmentBody.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`GovernmentBody`:`Actor`:`Organization`
SET n.`altLabel` = split(row.`altLabel:string[]`, ';'),
    n.`label` = row.`label:string`;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_Instrument.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Instrument`
SET n.`altLabel` = split(row.`altLabel:string[]`, ';'),
    n.`label` = row.`label:string`;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_InternationalOrganization.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`InternationalOrganization`:`Actor`:`Organization`
SET n.`altLabel` = split(row.`altLabel:string[]`, ';'),
    n.`label` = row.`label:string`,
    n.`sameAs` = row.`sameAs:string`;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_MediaOrganization.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`MediaOrganization`:`Actor`:`Organization`
SET n.`altLabel` = split(row.`altLabel:string[]`, ';'),
    n.`label` = row.`label:string`;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_Meeting.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Meeting`:`Event`
SET n.`label` = row.`label:string`,
    n.`relativeDate` = row.`relativeDate:string`;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_Membership.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Membership`
SET n.`since` = row.`since:string`;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_Mention.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Mention`
SET n.`anchorText` = row.`anchorText:string`,
    n.`end` = toInteger(row.`end:long`),
    n.`sentence` = row.`sentence:string`,
    n.`start` = toInteger(row.`start:long`);

LOAD CSV FROM '/var/lib/memgraph/import/nodes_NewsArticle.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`NewsArticle`:`Document`
SET n.`date` = date(row.`date:date`),
    n.`dcterms_title` = row.`dcterms_title:string`,
    n.`label` = row.`label:string`,
    n.`sourceFile` = row.`sourceFile:string`,
    n.`sourceUrl` = row.`sourceUrl:string`;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_Person.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Person`:`Actor`
SET n.`altLabel` = split(row.`altLabel:string[]`, ';'),
    n.`label` = row.`label:string`,
    n.`title` = row.`title:string`;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_Place.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Place`
SET n.`label` = row.`label:string`;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_Region.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Region`
SET n.`label` = row.`label:string`;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_Speech.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Speech`:`Document`
SET n.`date` = date(row.`date:date`),
    n.`dcterms_title` = row.`dcterms_title:string`,
    n.`label` = row.`label:string`,
    n.`sourceFile` = row.`sourceFile:string`;

LOAD CSV FROM '/var/lib/memgraph/import/nodes_Statistic.csv' WITH HEADER NULLIF '' AS row
MERGE (n:Resource {uri: row.`uri:ID`})
SET n:`Statistic`:`Claim`
SET n.`end` = toInteger(row.`end:long`),
    n.`label` = row.`label:string`,
    n.`period` = row.`period:string`,
    n.`quantity` = toFloat(row.`quantity:double`),
    n.`start` = toInteger(row.`start:long`),
    n.`text` = row.`text:string`,
    n.`unit` = row.`unit:string`;

LOAD CSV FROM '/var/lib/memgraph/import/relationships_ABOUT.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`ABOUT`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_ADDRESSEE.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`ADDRESSEE`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_AFFILIATED_WITH.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`AFFILIATED_WITH`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_AUTHOR.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`AUTHOR`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_CITES_SOURCE.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`CITES_SOURCE`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_CLAIMANT.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`CLAIMANT`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_DELIVERED_AT.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`DELIVERED_AT`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_DESTINATION_COUNTRY.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`DESTINATION_COUNTRY`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_DOCUMENT.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`DOCUMENT`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_HOST.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`HOST`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_LOCATED_IN.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`LOCATED_IN`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_LOCATION.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`LOCATION`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_MEMBER.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`MEMBER`]->(b);

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

LOAD CSV FROM '/var/lib/memgraph/import/relationships_ON_BEHALF_OF.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`ON_BEHALF_OF`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_ORGANIZATION.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`ORGANIZATION`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_ORGANIZER.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`ORGANIZER`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_PARTICIPANT.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`PARTICIPANT`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_PART_OF.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`PART_OF`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_PUBLISHER.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`PUBLISHER`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_QUOTES.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`QUOTES`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_SOURCE_COUNTRY.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`SOURCE_COUNTRY`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_SPEAKER.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`SPEAKER`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_STATED_IN.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`STATED_IN`]->(b);

LOAD CSV FROM '/var/lib/memgraph/import/relationships_TRANSIT_COUNTRY.csv' WITH HEADER NULLIF '' AS row
MATCH (a:Resource {uri: row.`:START_ID`})
MATCH (b:Resource {uri: row.`:END_ID`})
CREATE (a)-[:`TRANSIT_COUNTRY`]->(b);
