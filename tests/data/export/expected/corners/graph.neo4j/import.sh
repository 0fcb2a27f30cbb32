#!/bin/sh
# Offline bulk import of this folder into a new, empty Neo4j 5 database.
# Stop the database first; usage: ./import.sh [DATABASE] (default neo4j).
# Afterwards, in Cypher: CREATE CONSTRAINT resource_uri IF NOT EXISTS
#   FOR (n:Resource) REQUIRE n.uri IS UNIQUE;
set -eu
DIR=$(cd "$(dirname "$0")" && pwd)
DB="${1:-neo4j}"
exec neo4j-admin database import full "$DB" \
  --overwrite-destination=true \
  --array-delimiter='|' \
  --multiline-fields=true \
  --nodes="$DIR/nodes_Bulletin.csv" \
  --nodes="$DIR/nodes_CivilSocietyOrganization.csv" \
  --nodes="$DIR/nodes_Mention.csv" \
  --nodes="$DIR/nodes_Person.csv" \
  --nodes="$DIR/nodes_Resource.csv" \
  --nodes="$DIR/nodes_Statement.csv" \
  --nodes="$DIR/nodes_Statistic.csv" \
  --relationships="$DIR/relationships_CLAIMANT.csv" \
  --relationships="$DIR/relationships_DOCUMENT.csv" \
  --relationships="$DIR/relationships_EVIDENCE.csv" \
  --relationships="$DIR/relationships_KNOWN_FOR.csv" \
  --relationships="$DIR/relationships_MEMBER_OF.csv" \
  --relationships="$DIR/relationships_MENTION.csv" \
  --relationships="$DIR/relationships_MENTIONED_IN.csv" \
  --relationships="$DIR/relationships_POINTS.csv" \
  --relationships="$DIR/relationships_RANGE.csv" \
  --relationships="$DIR/relationships_SPEAKER.csv" \
  --relationships="$DIR/relationships_STATED_IN.csv" \
  --relationships="$DIR/relationships_SUB_CLASS_OF.csv"
