// The language, title and language versions of each paginated notice page.
export default {
  eleventyComputed: {
    lang: (data) => data.notice?.lang,
    title: (data) => data.notice?.title,
    versions: (data) =>
      data.notice
        ? data.seloste.notices
            .filter((n) => n.register === data.notice.register)
            .map((n) => ({ lang: n.lang, url: `/${n.lang}/${n.register}/` }))
        : [],
  },
};
