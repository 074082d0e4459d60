"""The server's routes, one router per audience: OpenAI-compatible chat (`openai`), ragtune's
own query/search/documents API (`data`), and the page, health and metrics (`admin`)."""
