--  Run once by the openlink/virtuoso-opensource-7 image when it creates its database (docker-compose.yml,
--  profile "virtuoso"): let the public /sparql endpoint take SPARQL Update, so `nqgraph build` and
--  `nqgraph load` can write to it. Acceptable only because compose publishes the port on 127.0.0.1;
--  anything exposed further should write through /sparql-auth with credentials instead.
GRANT SPARQL_UPDATE TO "SPARQL";
