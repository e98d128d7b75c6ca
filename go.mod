module github.com/dossier-project/dossier

go 1.26.8

require github.com/cosnicolaou/pbzip2 v1.0.5
