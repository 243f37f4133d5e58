// The Seloste Hugo module (layouts only, no Go code). Sites import it by this path;
// plugin/hugo/README.md says how, from a local folder or from the repository.
module github.com/seloste/seloste/plugin/hugo

go 1.19
